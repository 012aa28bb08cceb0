package io.postyard.core.dns;

/** The resolver could not answer (timeout, SERVFAIL, refusal, broken zone): nothing is known about the name. */
public class DnsLookupException extends RuntimeException {
    private final String name;
    private final String type;

    public DnsLookupException(String name, String type, String reason) {
        super("DNS lookup of " + type + " " + name + " failed: " + reason);
        this.name = name;
        this.type = type;
    }

    public String name() {
        return name;
    }

    public String type() {
        return type;
    }
}
