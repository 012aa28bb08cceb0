package io.postyard.server;

import java.nio.file.Path;

import org.apache.james.filesystem.api.JamesDirectoriesProvider;

/**
 * James keeps configuration under its working directory; Postyard separates them so the data directory
 * ({@code POSTYARD_DATA_DIR}) can live on its own volume while {@code conf/} stays with the installation.
 */
public record PostyardDirectories(Path dataDir, Path confDir) implements JamesDirectoriesProvider {
    @Override
    public String getAbsoluteDirectory() {
        return "/";
    }

    @Override
    public String getConfDirectory() {
        return confDir.toAbsolutePath() + "/";
    }

    @Override
    public String getVarDirectory() {
        return dataDir.resolve("var").toAbsolutePath() + "/";
    }

    @Override
    public String getRootDirectory() {
        return dataDir.toAbsolutePath().toString();
    }
}
