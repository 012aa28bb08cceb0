package io.postyard.http;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.mail.internet.AddressException;
import javax.mail.internet.InternetAddress;

import org.apache.james.core.MailAddress;

/**
 * Address fields of a send request (to, cc, from, ...): each value parsed strictly as RFC 822 addresses, and every
 * failure (a syntax error, CR or LF smuggled into a header) a 400 that names the field.
 */
public final class AddressFields {
    /** The addresses of a field's values (each may hold several, comma-separated), in order, without repeats. */
    public static List<InternetAddress> addresses(List<String> values, String field) {
        Set<InternetAddress> result = new LinkedHashSet<>();
        for (String value : values) {
            if (value.isBlank()) {
                continue;
            }
            if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
                throw ApiException.validation("'" + field + "' must not contain CR or LF", Map.of("field", field));
            }
            try {
                for (InternetAddress address : InternetAddress.parse(value, true)) {
                    address.validate();
                    mailAddress(address, field);
                    result.add(address);
                }
            } catch (AddressException e) {
                throw ApiException.validation("'" + field + "' holds an invalid address", Map.of("field", field));
            }
        }
        return List.copyOf(result);
    }

    public static MailAddress mailAddress(InternetAddress address, String field) {
        try {
            return new MailAddress(address.getAddress());
        } catch (AddressException e) {
            throw ApiException.validation("'" + field + "' holds an invalid address", Map.of("field", field));
        }
    }

    private AddressFields() {
    }
}
