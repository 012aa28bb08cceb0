package io.postyard.core.webhook;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

public class MemoryWebhookOutbox implements WebhookOutbox {
    private static final Comparator<WebhookDelivery> NEWEST_FIRST = Comparator.comparing(WebhookDelivery::createdAt).reversed()
        .thenComparing(WebhookDelivery::id);

    private final ConcurrentHashMap<String, WebhookDelivery> deliveries = new ConcurrentHashMap<>();

    @Override
    public boolean insertIfAbsent(WebhookDelivery delivery) {
        return deliveries.putIfAbsent(delivery.id(), delivery) == null;
    }

    @Override
    public boolean claim(String id) {
        boolean[] claimed = {false};
        deliveries.computeIfPresent(id, (key, delivery) -> {
            if (delivery.status() != DeliveryStatus.PENDING) {
                return delivery;
            }
            claimed[0] = true;
            return delivery.withStatus(DeliveryStatus.SENDING);
        });
        return claimed[0];
    }

    @Override
    public void save(WebhookDelivery delivery) {
        deliveries.put(delivery.id(), delivery);
    }

    @Override
    public Optional<WebhookDelivery> get(String id) {
        return Optional.ofNullable(deliveries.get(id));
    }

    @Override
    public List<WebhookDelivery> bySubscription(String subscriptionId, int limit) {
        return deliveries.values().stream()
            .filter(delivery -> delivery.subscriptionId().equals(subscriptionId))
            .sorted(NEWEST_FIRST)
            .limit(limit)
            .toList();
    }

    @Override
    public List<WebhookDelivery> withStatus(DeliveryStatus status, int limit) {
        return deliveries.values().stream()
            .filter(delivery -> delivery.status() == status)
            .sorted(NEWEST_FIRST)
            .limit(limit)
            .toList();
    }

    @Override
    public int purgeFinishedBefore(Instant before) {
        int[] purged = {0};
        deliveries.values().removeIf(delivery -> {
            boolean finished = delivery.status() == DeliveryStatus.DELIVERED || delivery.status() == DeliveryStatus.REJECTED;
            boolean old = delivery.createdAt().isBefore(before);
            if (finished && old) {
                purged[0]++;
            }
            return finished && old;
        });
        return purged[0];
    }
}
