package io.postyard.core.address;

/**
 * Why an address was judged as it was, with the names of Mailgun's validation API. Postyard never opens an SMTP
 * session to the remote server, so the reasons that only such a session could give ({@code accepted_email},
 * {@code rejected_email}, {@code no_connect}, {@code timeout}, {@code invalid_smtp}, {@code unavailable_smtp}) are
 * never produced.
 */
public enum ValidationReason {
    /** Not a bare RFC 5322 addr-spec that James accepts. */
    INVALID_EMAIL("invalid_email", false),
    /** The domain has neither MX nor A/AAAA record, has a null MX, or is an address literal. */
    INVALID_DOMAIN("invalid_domain", false),
    /** Deliverable as far as DNS tells, but a disposable domain or a role account. */
    LOW_QUALITY("low_quality", true),
    /** Deliverable as far as DNS tells; without talking to the server, nothing more can be promised. */
    LOW_DELIVERABILITY("low_deliverability", true),
    /** DNS could not answer; nothing is known about the domain. */
    UNEXPECTED_ERROR("unexpected_error", false);

    private final String value;
    private final boolean valid;

    ValidationReason(String value, boolean valid) {
        this.value = value;
        this.valid = valid;
    }

    /** The name in Mailgun's {@code reason} field. */
    public String value() {
        return value;
    }

    public boolean isValid() {
        return valid;
    }
}
