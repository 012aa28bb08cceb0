package io.postyard.core.address;

import java.util.Objects;
import java.util.Optional;

/**
 * The verdict on one address. {@code didYouMean} and the flags are set whenever the address could be parsed, whatever
 * the reason: a typo of gmail.com is worth pointing out even when the typo domain happens to exist.
 *
 * @param address       the input, unchanged
 * @param didYouMean    the whole address with a corrected domain
 * @param parts         absent when the address is not syntactically valid
 */
public record AddressValidation(String address,
                                ValidationReason reason,
                                Optional<String> didYouMean,
                                boolean isDisposable,
                                boolean isRoleAddress,
                                Optional<AddressParts> parts) {
    public AddressValidation {
        Objects.requireNonNull(address);
        Objects.requireNonNull(reason);
        Objects.requireNonNull(didYouMean);
        Objects.requireNonNull(parts);
    }

    static AddressValidation syntaxError(String address) {
        return new AddressValidation(address, ValidationReason.INVALID_EMAIL, Optional.empty(), false, false, Optional.empty());
    }

    /** Follows from the reason, so that the two can never disagree. */
    public boolean isValid() {
        return reason.isValid();
    }
}
