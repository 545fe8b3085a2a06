package io.agentbus.loadtest.cli;

import io.agentbus.protocol.BuildVersion;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the version of this build. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"agentbus loadtest " + BuildVersion.VERSION};
    }
}
