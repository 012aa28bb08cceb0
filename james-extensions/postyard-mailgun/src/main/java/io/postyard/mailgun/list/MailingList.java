package io.postyard.mailgun.list;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import io.postyard.core.account.AccountId;

/**
 * A mailing list of an account: mail to its address goes to its subscribed members. Its address is unique on the
 * server (it is an email address of a local domain) and kept in lower case.
 */
public record MailingList(String address, AccountId account, String name, String description, AccessLevel accessLevel,
                          ReplyPreference replyPreference, Instant createdAt) {
    /** Who may post to the list: its owner only (through the API or the domain's logins), its members, or anyone. */
    public enum AccessLevel {
        READONLY, MEMBERS, EVERYONE;

        public static Optional<AccessLevel> parse(String value) {
            return parseEnum(AccessLevel.class, value);
        }

        public String asString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Where replies to list mail go: the list, or the author. */
    public enum ReplyPreference {
        LIST, SENDER;

        public static Optional<ReplyPreference> parse(String value) {
            return parseEnum(ReplyPreference.class, value);
        }

        public String asString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public MailingList {
        Objects.requireNonNull(address);
        address = address.toLowerCase(Locale.ROOT);
        Objects.requireNonNull(account);
        Objects.requireNonNull(name);
        Objects.requireNonNull(description);
        Objects.requireNonNull(accessLevel);
        Objects.requireNonNull(replyPreference);
        Objects.requireNonNull(createdAt);
    }

    public MailingList withAddress(String newAddress) {
        return new MailingList(newAddress, account, name, description, accessLevel, replyPreference, createdAt);
    }

    private static <E extends Enum<E>> Optional<E> parseEnum(Class<E> type, String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value.trim())) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }
}
