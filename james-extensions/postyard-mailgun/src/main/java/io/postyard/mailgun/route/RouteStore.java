package io.postyard.mailgun.route;

import java.util.List;
import java.util.Optional;

import io.postyard.core.account.AccountId;

/** The routes of each account. */
public interface RouteStore {
    void insert(MailgunRoute route);

    Optional<MailgunRoute> get(AccountId account, String id);

    /** Every route of the account, in {@link MailgunRoute#EVALUATION_ORDER}. */
    List<MailgunRoute> list(AccountId account);

    /** Replaces the route of the same account and id; false when there is none. */
    boolean update(MailgunRoute route);

    boolean delete(AccountId account, String id);
}
