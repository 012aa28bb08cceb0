package io.postyard.server;

import org.apache.james.filesystem.api.FileSystem;
import org.apache.james.server.core.configuration.Configuration;
import org.apache.james.server.core.configuration.ConfigurationProvider;
import org.apache.james.utils.PropertiesProvider;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;

import io.postyard.core.settings.PostyardSettings;

/** Overrides James's configuration readers so that Postyard settings reach James's own components. */
public class PostyardConfigurationModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(ConfigurationProvider.class).to(SettingsConfigurationProvider.class);
        bind(SettingsConfigurationProvider.class).in(com.google.inject.Scopes.SINGLETON);
    }

    @Provides
    @Singleton
    PropertiesProvider propertiesProvider(FileSystem fileSystem, Configuration.ConfigurationPath configurationPath,
                                          PostyardSettings settings) {
        return new SettingsPropertiesProvider(fileSystem, configurationPath, settings);
    }
}
