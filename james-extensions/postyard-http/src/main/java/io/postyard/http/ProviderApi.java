package io.postyard.http;

import spark.Service;

/**
 * One provider's API, mounted under its own prefix on the public port. The provider installs its own
 * authentication filter and routes; errors raised under its prefix are rendered by its {@link #errors()}.
 */
public interface ProviderApi {
    /** The mount point, such as {@code /mailgun}; the provider's native paths live beneath it. */
    String prefix();

    /** The provider's name, as shown to operators. */
    String name();

    ErrorRenderer errors();

    void define(Service service);
}
