package io.agentbus.loadtest.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the version of the loadtest jar, from the pom.properties Maven puts in it. */
final class VersionProvider implements IVersionProvider {
    private static final String POM_PROPERTIES = "/META-INF/maven/io.agentbus/loadtest/pom.properties";

    @Override
    public String[] getVersion() {
        return new String[] {"agentbus loadtest " + version()};
    }

    private static String version() {
        try (InputStream in = VersionProvider.class.getResourceAsStream(POM_PROPERTIES)) {
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
