package io.postyard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.mailgun.api.v3.MailgunDomainsApi;
import com.mailgun.api.v3.MailgunWebhooksApi;
import com.mailgun.api.v3.suppression.MailgunSuppressionBouncesApi;
import com.mailgun.api.v3.suppression.MailgunSuppressionComplaintsApi;
import com.mailgun.api.v3.suppression.MailgunSuppressionUnsubscribeApi;
import com.mailgun.api.v3.suppression.MailgunSuppressionWhitelistsApi;
import com.mailgun.client.MailgunClient;
import com.mailgun.enums.DomainState;
import com.mailgun.enums.WebhookName;
import com.mailgun.model.domains.DomainCredentials;
import com.mailgun.model.domains.DomainListResponse;
import com.mailgun.model.domains.DomainRequest;
import com.mailgun.model.domains.DomainResponse;
import com.mailgun.model.domains.DomainTrackingResponse;
import com.mailgun.model.domains.DomainUnsubscribeConnectionSettingsRequest;
import com.mailgun.model.domains.SingleDomainResponse;
import com.mailgun.model.suppression.SuppressionResponse;
import com.mailgun.model.suppression.bounces.BouncesItem;
import com.mailgun.model.suppression.bounces.BouncesRequest;
import com.mailgun.model.suppression.bounces.BouncesResponse;
import com.mailgun.model.suppression.complaints.ComplaintsItem;
import com.mailgun.model.suppression.complaints.ComplaintsSingleItemRequest;
import com.mailgun.model.suppression.unsubscribe.UnsubscribeItem;
import com.mailgun.model.suppression.unsubscribe.UnsubscribeSingleItemRequest;
import com.mailgun.model.suppression.whitelists.WhitelistsItem;
import com.mailgun.model.suppression.whitelists.WhitelistsItemResponse;
import com.mailgun.model.suppression.whitelists.WhitelistsRequest;
import com.mailgun.model.webhooks.WebhookListResult;
import com.mailgun.model.webhooks.WebhookRequest;
import com.mailgun.model.webhooks.WebhookResult;
import com.mailgun.model.webhooks.WebhookUpdateRequest;

import feign.FeignException;
import io.postyard.testing.PostyardExtension;

/**
 * The official {@code com.mailgun:mailgun-java} 2.4.1 client, configured only with our base URL and key, gets typed
 * answers it understands from every endpoint it shares with us.
 */
class MailgunJavaClientConformanceTest {
    @RegisterExtension
    static PostyardExtension postyard = PostyardExtension.builder().withTestDns().build();

    private static final String DOMAIN = "sdk-java.test";

    private static <T extends com.mailgun.api.MailgunApi> T api(Class<T> type) {
        return MailgunClient.config("http://" + PostyardExtension.LOCALHOST + ":" + postyard.httpPort() + "/mailgun",
            postyard.primaryKey()).createApi(type);
    }

    @BeforeAll
    static void createDomain() {
        DomainResponse created = api(MailgunDomainsApi.class).createNewDomain(DomainRequest.builder().name(DOMAIN).build());
        assertThat(created.getDomain().getName()).isEqualTo(DOMAIN);
        assertThat(created.getDomain().getState()).isEqualTo(DomainState.UNVERIFIED);
    }

    @Test
    void domainsAreListedAndReadWithTypedRecords() {
        DomainListResponse list = api(MailgunDomainsApi.class).getDomainsList();
        SingleDomainResponse one = api(MailgunDomainsApi.class).getSingleDomain(DOMAIN);
        DomainListResponse v4 = api(com.mailgun.api.v4.MailgunDomainsApi.class).getDomainsList();

        assertThat(list.getTotalCount()).isGreaterThanOrEqualTo(1);
        assertThat(list.getItems()).anySatisfy(domain -> assertThat(domain.getName()).isEqualTo(DOMAIN));
        assertThat(one.getDomain().getCreatedAt()).isNotNull();
        assertThat(one.getReceivingDnsRecords()).anySatisfy(record -> assertThat(record.getRecordType()).isEqualTo("MX"));
        assertThat(one.getSendingDnsRecords()).extracting(record -> record.getRecordType()).contains("TXT");
        assertThat(v4.getItems()).isNotEmpty();
    }

    @Test
    void credentialsAreCreatedUpdatedAndDeleted() {
        MailgunDomainsApi domains = api(MailgunDomainsApi.class);

        assertThat(domains.createNewCredentials(DOMAIN, DomainCredentials.builder().login("java").password("java-secret").build())
            .getMessage()).isEqualTo("Created 1 credentials pair");
        assertThat(domains.updateCredentials(DOMAIN, "java", "java-secret-2").getMessage()).isEqualTo("Credentials updated");
        assertThat(domains.deleteCredentials(DOMAIN, "java").getMessage()).isEqualTo("Credentials (1) deleted");
    }

    @Test
    void aWrongPasswordLengthIsA400TheClientSees() {
        assertThatThrownBy(() -> api(MailgunDomainsApi.class)
                .createNewCredentials(DOMAIN, DomainCredentials.builder().login("short").password("1234").build()))
            .isInstanceOfSatisfying(FeignException.class, e -> assertThat(e.status()).isEqualTo(400));
    }

    @Test
    void bouncesRoundTripWithPagingLinks() {
        MailgunSuppressionBouncesApi bounces = api(MailgunSuppressionBouncesApi.class);
        SuppressionResponse added = bounces.addBounce(DOMAIN, BouncesRequest.builder().address("bounced@example.com")
            .code("550").error("No such mailbox").createdAt(ZonedDateTime.parse("2021-10-21T11:02:55Z")).build());
        List<BouncesRequest> many = IntStream.range(0, 25)
            .mapToObj(i -> BouncesRequest.builder().address(String.format("b%02d@example.com", i)).build())
            .collect(Collectors.toList());

        assertThat(added.getMessage()).isEqualTo("Address has been added to the bounces table");
        assertThat(bounces.addBounces(DOMAIN, many).getMessage()).isEqualTo("25 addresses have been added to the bounces table");
        BouncesItem one = bounces.getBounce(DOMAIN, "bounced@example.com");
        assertThat(one.getCode()).isEqualTo("550");
        assertThat(one.getCreatedAt().toInstant()).isEqualTo(ZonedDateTime.parse("2021-10-21T11:02:55Z").toInstant());

        List<String> seen = new ArrayList<>();
        BouncesResponse page = bounces.getBounces(DOMAIN, 10);
        seen.addAll(page.getItems().stream().map(BouncesItem::getAddress).toList());
        while (!page.getPaging().getNext().equals(page.getPaging().getLast())) {
            JsonNode next = postyard.api().get(page.getPaging().getNext()).basicAuth("api", postyard.primaryKey()).send().json();
            next.get("items").forEach(item -> seen.add(item.get("address").asText()));
            page = com.mailgun.util.ObjectMapperUtil.getObjectMapper().convertValue(next, BouncesResponse.class);
        }
        assertThat(seen).hasSize(26).doesNotHaveDuplicates();

        assertThat(bounces.deleteBounce(DOMAIN, "bounced@example.com").getMessage()).isEqualTo("Bounced address has been removed");
        assertThat(bounces.deleteAllBounces(DOMAIN).getMessage()).isEqualTo("Bounced addresses for this domain have been removed");
        assertThat(bounces.getBounces(DOMAIN).getItems()).isEmpty();
    }

    @Test
    void complaintsUnsubscribesAndWhitelistsRoundTrip() {
        MailgunSuppressionComplaintsApi complaints = api(MailgunSuppressionComplaintsApi.class);
        MailgunSuppressionUnsubscribeApi unsubscribes = api(MailgunSuppressionUnsubscribeApi.class);
        MailgunSuppressionWhitelistsApi whitelists = api(MailgunSuppressionWhitelistsApi.class);

        complaints.addAddressToComplaintsList(DOMAIN, ComplaintsSingleItemRequest.builder().address("spam@example.com").build());
        ComplaintsItem complaint = complaints.getSingleComplaint(DOMAIN, "spam@example.com");
        assertThat(complaint.getAddress()).isEqualTo("spam@example.com");
        assertThat(complaints.getAllComplaints(DOMAIN, 5).getItems()).hasSize(1);
        assertThat(complaints.removeAddressFromComplaints(DOMAIN, "spam@example.com").getMessage()).isEqualTo("Spam complaint has been removed");

        unsubscribes.addAddressToUnsubscribeTable(DOMAIN, UnsubscribeSingleItemRequest.builder().address("bye@example.com").tag("news").build());
        unsubscribes.addAddressToUnsubscribeTable(DOMAIN, UnsubscribeSingleItemRequest.builder().address("bye@example.com").tag("promo").build());
        UnsubscribeItem unsubscribe = unsubscribes.getSingleUnsubscribe(DOMAIN, "bye@example.com");
        assertThat(unsubscribe.getTags()).containsExactly("news", "promo");
        unsubscribes.removeAddressFromUnsubscribeTag(DOMAIN, "bye@example.com", "news");
        assertThat(unsubscribes.getSingleUnsubscribe(DOMAIN, "bye@example.com").getTags()).containsExactly("promo");
        assertThat(unsubscribes.getAllUnsubscribe(DOMAIN).getItems()).hasSize(1);
        unsubscribes.removeAddressFromUnsubscribeList(DOMAIN, "bye@example.com");
        assertThatThrownBy(() -> unsubscribes.getSingleUnsubscribe(DOMAIN, "bye@example.com"))
            .isInstanceOfSatisfying(FeignException.class, e -> assertThat(e.status()).isEqualTo(404));

        whitelists.addSingleWhitelistRecord(DOMAIN, WhitelistsRequest.builder().address("vip@example.com").build());
        whitelists.addSingleWhitelistRecord(DOMAIN, WhitelistsRequest.builder().domain("partner.example").build());
        WhitelistsItemResponse all = whitelists.getAllWhitelists(DOMAIN);
        assertThat(all.getItems()).extracting(WhitelistsItem::getValue).containsExactly("partner.example", "vip@example.com");
        assertThat(whitelists.getSingleWhitelistRecord(DOMAIN, "partner.example").getType().getValue()).isEqualTo("domain");
        assertThat(whitelists.removeRecordFromWhitelists(DOMAIN, "vip@example.com").getValue()).isEqualTo("vip@example.com");
    }

    @Test
    void webhooksRoundTrip() {
        MailgunWebhooksApi webhooks = api(MailgunWebhooksApi.class);

        WebhookResult created = webhooks.createNewWebhook(DOMAIN, WebhookRequest.builder()
            .webhookName(WebhookName.DELIVERED).url("https://hooks.example/delivered").url("https://hooks.example/backup").build());
        WebhookResult updated = webhooks.updateWebhook(DOMAIN, WebhookName.DELIVERED,
            WebhookUpdateRequest.builder().url("https://hooks.example/only").build());
        WebhookListResult all = webhooks.getAllWebhooks(DOMAIN);

        assertThat(created.getMessage()).isEqualTo("Webhook has been created");
        assertThat(created.getWebhook().getUrls()).hasSize(2);
        assertThat(updated.getWebhook().getUrls()).containsExactly("https://hooks.example/only");
        assertThat(all.getWebhooks().getDelivered().getUrls()).containsExactly("https://hooks.example/only");
        assertThat(webhooks.getWebhookDetails(DOMAIN, WebhookName.DELIVERED).getWebhook().getUrls()).hasSize(1);
        assertThat(webhooks.deleteWebhook(DOMAIN, WebhookName.DELIVERED).getMessage()).isEqualTo("Webhook has been deleted");
    }

    @Test
    void verificationAndAddressValidationAreTyped() {
        postyard.dns().addMx("typed.example", 10, "mx.typed.example");

        DomainResponse verified = api(MailgunDomainsApi.class).verifyDomain(DOMAIN);
        com.mailgun.model.verification.AddressValidationResponse validation =
            api(com.mailgun.api.v4.MailgunEmailVerificationApi.class).validateAddress("someone@typed.example");
        com.mailgun.model.verification.AddressValidationResponse invalid =
            api(com.mailgun.api.v4.MailgunEmailVerificationApi.class).validateAddress("no-at-sign");

        assertThat(verified.getDomain().getState()).isEqualTo(DomainState.UNVERIFIED);
        assertThat(verified.getSendingDnsRecords()).allSatisfy(record -> assertThat(record.getValid()).isEqualTo("false"));
        assertThat(validation.getResult()).isEqualTo("deliverable");
        assertThat(validation.getIsDisposableAddress()).isFalse();
        assertThat(invalid.getResult()).isEqualTo("undeliverable");
        assertThat(invalid.getReason()).containsExactly("invalid_email");
    }

    @Test
    void trackingSettingsRoundTrip() {
        MailgunDomainsApi domains = api(MailgunDomainsApi.class);

        domains.updateDomainUnsubscribeConnectionSettings(DOMAIN, DomainUnsubscribeConnectionSettingsRequest.builder()
            .active(true).htmlFooter("<p>bye</p>").textFooter("bye").build());
        DomainTrackingResponse tracking = domains.getDomainTrackingSettings(DOMAIN);

        assertThat(tracking.getTracking().getUnsubscribe().getActive()).isTrue();
        assertThat(tracking.getTracking().getUnsubscribe().getHtmlFooter()).isEqualTo("<p>bye</p>");
        assertThat(tracking.getTracking().getOpen().getActive()).isFalse();
    }
}
