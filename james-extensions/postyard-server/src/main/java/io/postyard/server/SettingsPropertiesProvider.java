package io.postyard.server;

import java.io.FileNotFoundException;

import org.apache.commons.configuration2.Configuration;
import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.james.filesystem.api.FileSystem;
import org.apache.james.server.core.configuration.Configuration.ConfigurationPath;
import org.apache.james.utils.PropertiesProvider;

import io.postyard.core.settings.PostyardSettings;
import io.postyard.core.settings.Setting;

/** Applies the WebAdmin settings ({@code POSTYARD_WEBADMIN_HOST}, {@code _PORT}) over {@code webadmin.properties}. */
public class SettingsPropertiesProvider extends PropertiesProvider {
    private static final String WEBADMIN = "webadmin";

    private final PostyardSettings settings;

    public SettingsPropertiesProvider(FileSystem fileSystem, ConfigurationPath configurationPrefix, PostyardSettings settings) {
        super(fileSystem, configurationPrefix);
        this.settings = settings;
    }

    @Override
    public Configuration getConfiguration(String fileName) throws FileNotFoundException, ConfigurationException {
        Configuration configuration = super.getConfiguration(fileName);
        if (WEBADMIN.equals(fileName)) {
            configuration.setProperty("host", settings.get(Setting.WEBADMIN_HOST));
            configuration.setProperty("port", settings.getInt(Setting.WEBADMIN_PORT));
        }
        return configuration;
    }
}
