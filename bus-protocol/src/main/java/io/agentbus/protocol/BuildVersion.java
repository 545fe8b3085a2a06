package io.agentbus.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The version of this build, as the commands' {@code --version} print it: read from the
 * {@code pom.properties} Maven puts into the bus-protocol jar, which every module is built with.
 */
public final class BuildVersion {
    private static final String POM_PROPERTIES = "/META-INF/maven/io.agentbus/bus-protocol/pom.properties";

    /** The version, or {@code (development build)} when running from classes rather than jars. */
    public static final String VERSION = read();

    private BuildVersion() {
    }

    private static String read() {
        try (InputStream in = BuildVersion.class.getResourceAsStream(POM_PROPERTIES)) {
            if (in == null) {
                return "(development build)";
            }
            Properties pom = new Properties();
            pom.load(in);
            return pom.getProperty("version", "(unknown)");
        } catch (IOException e) {
            return "(unknown)";
        }
    }
}
