package io.postyard.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.apache.james.queue.api.MailQueueFactory;
import org.apache.james.queue.api.MailQueueName;
import org.apache.james.queue.api.ManageableMailQueue;

import io.postyard.core.domain.DomainService;
import io.postyard.core.domain.MailDomain;
import io.postyard.core.sending.DomainMailQueues;
import io.postyard.core.stats.StatsBucket;
import io.postyard.core.stats.StatsResolution;
import io.postyard.core.stats.StatsService;
import io.postyard.http.Json;
import spark.Request;
import spark.Response;
import spark.Service;

/**
 * What the account's mail did: sent, delivered, failed, opened, clicked and complained over the last day and week,
 * per domain and in all, from the stats store; the same per hour (or day) as JSON for the charts; and how much mail
 * waits in James's queues.
 */
class OverviewPages {
    /** The counters shown, by the label the page gives them. */
    private static final Map<String, String> COUNTERS = counters();

    private final DomainService domains;
    private final StatsService stats;
    private final MailQueueFactory<?> queues;
    private final Templates templates;
    private final Clock clock;

    @Inject
    OverviewPages(DomainService domains, StatsService stats, MailQueueFactory<?> queues, Templates templates, Clock clock) {
        this.domains = domains;
        this.stats = stats;
        this.queues = queues;
        this.templates = templates;
        this.clock = clock;
    }

    private static Map<String, String> counters() {
        Map<String, String> counters = new LinkedHashMap<>();
        counters.put("sent", "accepted.total");
        counters.put("delivered", "delivered.total");
        counters.put("failed", "failed.permanent.total");
        counters.put("opened", "opened.total");
        counters.put("clicked", "clicked.total");
        counters.put("complained", "complained.total");
        return counters;
    }

    void define(Service service) {
        service.get(ConsoleApi.PREFIX + "/overview", this::page);
        service.get(ConsoleApi.PREFIX + "/api/stats", Json.route((request, response) -> series(request)));
    }

    private Object page(Request request, Response response) {
        ConsoleSession session = ConsoleAccess.session(request);
        List<MailDomain> owned = domains.list(session.account(), Optional.empty());
        Instant now = clock.instant();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (MailDomain domain : owned) {
            rows.add(row(domain.name().asString(), List.of(domain.name()), now));
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("total", row("All domains", owned.stream().map(MailDomain::name).toList(), now));
        model.put("domains", rows);
        model.put("labels", List.copyOf(COUNTERS.keySet()));
        model.put("span", COUNTERS.size());
        model.put("queues", queueSizes());
        response.type("text/html; charset=utf-8");
        return templates.page("overview", "Overview", Optional.of(session), model);
    }

    private Map<String, Object> row(String name, List<Domain> names, Instant now) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", name);
        row.put("day", totals(names, now.minus(Duration.ofDays(1)), now));
        row.put("week", totals(names, now.minus(Duration.ofDays(7)), now));
        return row;
    }

    private List<Long> totals(List<Domain> names, Instant start, Instant end) {
        List<StatsBucket> buckets = names.isEmpty() ? List.of() : stats.rollUp(names, start, end, StatsResolution.HOUR);
        return COUNTERS.values().stream().map(counter -> buckets.stream().mapToLong(bucket -> bucket.count(counter)).sum()).toList();
    }

    /** {@code resolution} hour (the last 48 hours) or day (the last 30 days): the series the charts draw. */
    private Map<String, Object> series(Request request) {
        ConsoleSession session = ConsoleAccess.session(request);
        boolean daily = "day".equals(request.queryParams("resolution"));
        Instant now = clock.instant();
        Instant start = daily ? now.minus(Duration.ofDays(30)).truncatedTo(ChronoUnit.DAYS) : now.minus(Duration.ofHours(48)).truncatedTo(ChronoUnit.HOURS);
        List<Domain> names = domains.list(session.account(), Optional.empty()).stream().map(MailDomain::name).toList();
        List<StatsBucket> buckets = names.isEmpty() ? List.of()
            : stats.rollUp(names, start, now, daily ? StatsResolution.DAY : StatsResolution.HOUR);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("resolution", daily ? "day" : "hour");
        body.put("times", buckets.stream().map(bucket -> bucket.start().toString()).toList());
        Map<String, List<Long>> values = new LinkedHashMap<>();
        COUNTERS.forEach((label, counter) -> values.put(label, buckets.stream().map(bucket -> bucket.count(counter)).toList()));
        body.put("series", values);
        return body;
    }

    private List<Map<String, Object>> queueSizes() {
        List<Map<String, Object>> sizes = new ArrayList<>();
        for (MailQueueName name : DomainMailQueues.QUEUES) {
            long size = queues.getQueue(name)
                .filter(ManageableMailQueue.class::isInstance)
                .map(queue -> {
                    try {
                        return ((ManageableMailQueue) queue).getSize();
                    } catch (Exception e) {
                        return -1L;
                    }
                })
                .orElse(0L);
            sizes.add(Map.of("name", name.asString(), "size", size < 0 ? "unknown" : Long.toString(size)));
        }
        return sizes;
    }
}
