package io.postyard.mailgun.route;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.postyard.core.account.AccountId;

public class MemoryRouteStore implements RouteStore {
    private final Map<AccountId, Map<String, MailgunRoute>> routes = new ConcurrentHashMap<>();

    @Override
    public void insert(MailgunRoute route) {
        of(route.account()).put(route.id(), route);
    }

    @Override
    public Optional<MailgunRoute> get(AccountId account, String id) {
        return Optional.ofNullable(of(account).get(id));
    }

    @Override
    public List<MailgunRoute> list(AccountId account) {
        return of(account).values().stream().sorted(MailgunRoute.EVALUATION_ORDER).toList();
    }

    @Override
    public boolean update(MailgunRoute route) {
        return of(route.account()).replace(route.id(), route) != null;
    }

    @Override
    public boolean delete(AccountId account, String id) {
        return of(account).remove(id) != null;
    }

    private Map<String, MailgunRoute> of(AccountId account) {
        return routes.computeIfAbsent(account, ignored -> new ConcurrentHashMap<>());
    }
}
