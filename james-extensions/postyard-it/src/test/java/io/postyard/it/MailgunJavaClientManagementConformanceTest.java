package io.postyard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;

import org.apache.james.core.Domain;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.mailgun.api.v1.MailgunAccountMetricsApi;
import com.mailgun.api.v1.MailgunAnalyticsTagsApi;
import com.mailgun.api.v1.MailgunLogsApi;
import com.mailgun.api.v3.MailgunMessagesApi;
import com.mailgun.api.v3.MailgunStatisticsApi;
import com.mailgun.api.v3.MailgunTagsApi;
import com.mailgun.client.MailgunClient;
import com.mailgun.enums.Resolution;
import com.mailgun.enums.ResolutionPeriod;
import com.mailgun.enums.SpamAction;
import com.mailgun.enums.StatsEventType;
import com.mailgun.enums.WebScheme;
import com.mailgun.model.ResponseWithMessage;
import com.mailgun.model.StatisticsOptions;
import com.mailgun.model.domains.DomainRequest;
import com.mailgun.model.domains.DomainResponse;
import com.mailgun.model.domains.DomainUpdateRequest;
import com.mailgun.model.logs.LogsPagination;
import com.mailgun.model.logs.LogsRequest;
import com.mailgun.model.logs.LogsResponse;
import com.mailgun.model.message.SendingQueuesResponse;
import com.mailgun.model.metrics.AccountMetrics;
import com.mailgun.model.metrics.MetricsRequest;
import com.mailgun.model.metrics.MetricsResponse;
import com.mailgun.model.stats.StatsResult;
import com.mailgun.model.tags.AnalyticsTagLimitsResponse;
import com.mailgun.model.tags.AnalyticsTagListPagination;
import com.mailgun.model.tags.AnalyticsTagListRequest;
import com.mailgun.model.tags.AnalyticsTagListResponse;
import com.mailgun.model.tags.AnalyticsTagUpdateRequest;
import com.mailgun.model.tags.TagProvidersResponse;
import com.mailgun.model.tags.TagStatsResult;
import com.mailgun.model.tags.TagUpdateRequest;
import com.mailgun.model.tags.TagsItem;
import com.mailgun.model.tags.TagsResult;

import io.postyard.core.account.AccountId;
import io.postyard.core.event.EventType;
import io.postyard.core.event.PostyardEvent;
import io.postyard.testing.PostyardExtension;

/**
 * The official {@code com.mailgun:mailgun-java} 2.4.1 client on the management surface: domain update, tags (v3 and
 * v1 analytics), logs, metrics, account stats and sending queues, over a scripted set of events.
 */
class MailgunJavaClientManagementConformanceTest {
    @RegisterExtension
    static PostyardExtension postyard = PostyardExtension.builder().build();

    private static final String DOMAIN = "sdk-manage.test";
    private static final Instant SENT = Instant.now().minus(Duration.ofHours(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

    private static <T extends com.mailgun.api.MailgunApi> T api(Class<T> type) {
        return MailgunClient.config("http://" + PostyardExtension.LOCALHOST + ":" + postyard.httpPort() + "/mailgun",
            postyard.primaryKey()).createApi(type);
    }

    @BeforeAll
    static void createDomainAndItsEvents() {
        api(com.mailgun.api.v4.MailgunDomainsApi.class).createNewDomain(DomainRequest.builder().name(DOMAIN).build());
        postyard.publish(event(EventType.ACCEPTED).build());
        postyard.publish(event(EventType.DELIVERED).build());
        postyard.publish(event(EventType.OPENED).details(java.util.Map.of("user-agent", "Mozilla/5.0 (iPhone) Mobile")).build());
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> api(MailgunStatisticsApi.class)
            .getDomainStats(DOMAIN, StatisticsOptions.builder().event(StatsEventType.DELIVERED).duration(1, com.mailgun.enums.Duration.DAY)
                .resolution(ResolutionPeriod.DAY).build())
            .getStats().stream().mapToInt(stats -> stats.getDelivered().getTotal()).sum() == 1);
    }

    private static PostyardEvent.Builder event(EventType type) {
        return PostyardEvent.builder(type, AccountId.DEFAULT, Domain.of(DOMAIN)).timestamp(SENT).recipient("reader@gmail.example")
            .messageId("<sdk-1@" + DOMAIN + ">").tags(List.of("welcome"));
    }

    @Test
    void aDomainIsUpdatedWithTheV4Client() {
        DomainResponse updated = api(com.mailgun.api.v4.MailgunDomainsApi.class).updateDomain(DOMAIN, DomainUpdateRequest.builder()
            .spamAction(SpamAction.BLOCK).webScheme(WebScheme.HTTPS).wildcard(true).requireTls(true).build());

        assertThat(updated.getMessage()).isEqualTo("Domain has been updated");
        assertThat(updated.getDomain().getName()).isEqualTo(DOMAIN);
        assertThat(updated.getDomain().getWildcard()).isTrue();
        assertThat(updated.getDomain().getSpamAction()).isEqualTo(SpamAction.BLOCK);
        assertThat(updated.getDomain().getWebScheme()).isEqualTo(WebScheme.HTTPS);
    }

    @Test
    void tagsAreListedReadDescribedCountedAndAggregatedWithTheV3Client() {
        MailgunTagsApi tags = api(MailgunTagsApi.class);

        TagsResult all = tags.getAllTags(DOMAIN);
        TagsItem welcome = tags.getTag(DOMAIN, "welcome");
        ResponseWithMessage described = tags.updateTag(DOMAIN, "welcome", TagUpdateRequest.builder().description("Welcome mail").build());
        TagStatsResult stats = tags.getTagStatistics(DOMAIN, "welcome", StatisticsOptions.builder()
            .event(List.of(StatsEventType.ACCEPTED, StatsEventType.DELIVERED)).duration(1, com.mailgun.enums.Duration.DAY)
            .resolution(ResolutionPeriod.DAY).build());
        TagProvidersResponse providers = tags.listTagProviders(DOMAIN, "welcome");

        assertThat(all.getItems()).extracting(TagsItem::getTag).contains("welcome");
        assertThat(welcome.getFirstSeen()).isEqualTo(SENT);
        assertThat(described.getMessage()).isEqualTo("Tag updated");
        assertThat(tags.getTag(DOMAIN, "welcome").getDescription()).isEqualTo("Welcome mail");
        assertThat(stats.getTag()).isEqualTo("welcome");
        assertThat(stats.getStats().stream().mapToInt(bucket -> bucket.getDelivered().getTotal()).sum()).isEqualTo(1);
        assertThat(providers.getProvider().get("gmail.example").get("delivered")).isEqualTo(1);
    }

    @Test
    void analyticsTagsAreListedDescribedAndCountedWithTheV1Client() {
        MailgunAnalyticsTagsApi tags = api(MailgunAnalyticsTagsApi.class);

        AnalyticsTagListResponse listed = tags.listTags(AnalyticsTagListRequest.builder()
            .pagination(AnalyticsTagListPagination.builder().limit(10).build()).build());
        ResponseWithMessage updated = tags.updateTag(AnalyticsTagUpdateRequest.builder().tag("welcome").description("Hello").build());
        AnalyticsTagLimitsResponse limits = tags.getTagLimits();

        assertThat(listed.getItems()).anySatisfy(item -> assertThat(item.getTag()).isEqualTo("welcome"));
        assertThat(updated.getMessage()).isEqualTo("Tag updated");
        assertThat(limits.getCount()).isGreaterThanOrEqualTo(1);
        assertThat(limits.getLimitReached()).isFalse();
    }

    @Test
    void logsAndMetricsAnswerTheV1Client() {
        LogsResponse logs = api(MailgunLogsApi.class).getLogs(LogsRequest.builder()
            .start(ZonedDateTime.ofInstant(SENT.minus(Duration.ofHours(1)), ZoneOffset.UTC).format(java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME))
            .events(Set.of("delivered")).pagination(LogsPagination.builder().limit(10).sort("timestamp:asc").build()).build());
        MetricsResponse<AccountMetrics> metrics = api(MailgunAccountMetricsApi.class).getMetrics(MetricsRequest.builder()
            .start(ZonedDateTime.ofInstant(SENT.minus(Duration.ofDays(1)), ZoneOffset.UTC)).end(ZonedDateTime.now(ZoneOffset.UTC))
            .resolution(Resolution.DAY).dimensions(List.of("time")).metrics(List.of("accepted_count", "delivered_count", "opened_count"))
            .includeAggregates(true).build());

        assertThat(logs.getItems()).hasSize(1);
        assertThat(logs.getItems().get(0).getEvent()).isEqualTo("delivered");
        assertThat(logs.getItems().get(0).getDomain().getName()).isEqualTo(DOMAIN);
        assertThat(metrics.getResolution()).isEqualTo(Resolution.DAY);
        assertThat(metrics.getAggregates().getMetrics().getDeliveredCount()).isEqualTo(1);
        assertThat(metrics.getAggregates().getMetrics().getOpenedCount()).isEqualTo(1);
    }

    @Test
    void accountStatsAndSendingQueuesAnswerTheV3Client() {
        StatsResult account = api(MailgunStatisticsApi.class).getAccountStats(StatisticsOptions.builder()
            .event(StatsEventType.ACCEPTED).duration(1, com.mailgun.enums.Duration.DAY).resolution(ResolutionPeriod.DAY).build());
        SendingQueuesResponse queues = api(MailgunMessagesApi.class).getSendingQueues(DOMAIN);
        ResponseWithMessage cleared = api(MailgunMessagesApi.class).deleteEnvelopes(DOMAIN);

        assertThat(account.getStats().stream().mapToInt(bucket -> bucket.getAccepted().getTotal()).sum()).isEqualTo(1);
        assertThat(queues.getRegular().getIsDisabled()).isFalse();
        assertThat(queues.getScheduled().getIsDisabled()).isFalse();
        assertThat(cleared.getMessage()).isEqualTo("done");
    }
}
