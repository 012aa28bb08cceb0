package io.postyard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.stream.StreamSupport;

import javax.mail.Flags;

import org.apache.james.core.Username;
import org.apache.james.mailbox.model.MailboxPath;
import org.apache.james.modules.MailboxProbeImpl;
import org.apache.james.utils.SMTPSendingException;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.postyard.core.settings.Setting;
import io.postyard.testing.ApiResponse;
import io.postyard.testing.PostyardExtension;

/**
 * {@code /openmail/v1/inboxes} over HTTP: creation with a chosen or a generated username, taken addresses, paging and
 * the externalId filter, updates and deletion; Bearer keys of the openmail kind only, each seeing its own account; and
 * every refusal in openmail's {@code {error, message}}.
 */
class OpenmailInboxesApiTest {
    private static final int MAX_BODY = 4096;

    @RegisterExtension
    static PostyardExtension postyard = PostyardExtension.builder()
        .setting(Setting.HTTP_MAX_BODY_BYTES, String.valueOf(MAX_BODY))
        .build();

    private static OpenmailClient agent;

    @BeforeAll
    static void createKey() {
        agent = OpenmailClient.withNewKey(postyard, "default");
    }

    private static void assertError(ApiResponse response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.json().get("error").asText()).isEqualTo(code);
        assertThat(response.json().get("message").asText()).isNotBlank();
        assertThat(response.json().fieldNames()).toIterable().containsExactly("error", "message");
    }

    private static List<String> ids(JsonNode list) {
        return StreamSupport.stream(list.get("data").spliterator(), false).map(inbox -> inbox.get("id").asText()).toList();
    }

    @Test
    void withoutAUsernameAnInboxGetsARandomReadableAddress() {
        JsonNode inbox = agent.createInbox("{\"externalId\":\"agent-random\"}");

        assertThat(inbox.get("address").asText()).matches("[a-z]+-[a-z]+-\\d{4}@openmail\\.localhost");
        assertThat(agent.call("GET", "/inboxes/" + inbox.get("id").asText()).send().json()).isEqualTo(inbox);
        assertThat(agent.createInbox("{}").get("externalId").isNull()).isTrue();
    }

    @Test
    void aTakenAddressIs409AddressTaken() {
        agent.createInbox("{\"username\":\"Taken.Name\"}");

        assertError(agent.call("POST", "/inboxes").json("{\"username\":\"taken.name\"}").send(), 409, "address_taken");
        assertError(agent.call("POST", "/inboxes").json("{\"username\":\"postmaster\"}").send(), 409, "address_taken");
        assertError(OpenmailClient.withNewKey(postyard, "rival").call("POST", "/inboxes").json("{\"username\":\"taken.name\"}").send(),
            409, "address_taken");
    }

    @Test
    void inboxesAreListedInPagesAndFilteredByExternalId() {
        OpenmailClient own = OpenmailClient.withNewKey(postyard, "paging");
        String first = own.createInbox("{\"externalId\":\"agent-a\"}").get("id").asText();
        String second = own.createInbox("{\"externalId\":\"agent-b\"}").get("id").asText();
        String third = own.createInbox("{\"externalId\":\"agent-a\"}").get("id").asText();

        JsonNode page = own.call("GET", "/inboxes?limit=2&offset=1").send().json();
        assertThat(ids(page)).containsExactly(second, third);
        assertThat(page.get("total").asInt()).isEqualTo(3);
        assertThat(page.get("limit").asInt()).isEqualTo(2);
        assertThat(page.get("offset").asInt()).isEqualTo(1);
        assertThat(ids(own.call("GET", "/inboxes?externalId=agent-a").send().json())).containsExactly(first, third);
        assertThat(ids(own.call("GET", "/inboxes?offset=10").send().json())).isEmpty();
        assertError(own.call("GET", "/inboxes?limit=0").send(), 400, "validation_error");
        assertError(own.call("GET", "/inboxes?limit=many").send(), 400, "validation_error");
    }

    @Test
    void anInboxIsUpdatedThenDeletedWithItsJamesUser() throws Exception {
        JsonNode inbox = agent.createInbox("{\"username\":\"short-lived\",\"externalId\":\"v1\"}");
        String path = "/inboxes/" + inbox.get("id").asText();

        ApiResponse patched = agent.call("PATCH", path).json("{\"externalId\":\"v2\"}").send();
        assertThat(patched.json().get("externalId").asText()).isEqualTo("v2");
        assertThat(patched.json().get("address").asText()).isEqualTo("short-lived@openmail.localhost");
        assertThat(agent.call("PATCH", path).json("{\"externalId\":null}").send().json().get("externalId").isNull()).isTrue();
        assertError(agent.call("PATCH", path).json("{\"username\":\"renamed\"}").send(), 400, "validation_error");
        OpenmailClient.deliver(postyard, "a@outside.test", "short-lived@openmail.localhost", "Subject: hi\r\n\r\nhi\r\n");
        Awaitility.await().atMost(Duration.ofSeconds(30))
            .until(() -> agent.call("GET", path + "/messages").send().json().get("total").asInt() == 1);

        ApiResponse deleted = agent.call("DELETE", path).send();

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().get("deleted").asBoolean()).isTrue();
        assertError(agent.call("GET", path).send(), 404, "not_found");
        assertError(agent.call("DELETE", path).send(), 404, "not_found");
        assertThatThrownBy(() -> OpenmailClient.deliver(postyard, "a@outside.test", "short-lived@openmail.localhost", "Subject: gone\r\n\r\nx\r\n"))
            .as("the James user is gone, so SMTP refuses the address").isInstanceOf(SMTPSendingException.class).hasMessageContaining("550");
        assertThat(agent.createInbox("{\"username\":\"short-lived\"}").get("address").asText()).isEqualTo("short-lived@openmail.localhost");
    }

    @Test
    void mailLeftForADeletedInboxIsNotTheNextOwners() throws Exception {
        String address = "reused@openmail.localhost";
        String id = agent.createInbox("{\"username\":\"reused\"}").get("id").asText();
        agent.call("DELETE", "/inboxes/" + id).send();
        // Mail queued before the deletion is delivered after it, and James makes the INBOX again to hold it.
        MailboxProbeImpl mailboxes = postyard.server().getProbe(MailboxProbeImpl.class);
        MailboxPath inbox = MailboxPath.inbox(Username.of(address));
        mailboxes.createMailbox(inbox);
        mailboxes.appendMessage(address, inbox, new ByteArrayInputStream("Subject: late\r\n\r\nfor the old owner\r\n".getBytes()),
            new Date(), false, new Flags());

        ApiResponse reused = OpenmailClient.withNewKey(postyard, "next-owner").call("POST", "/inboxes").json("{\"username\":\"reused\"}").send();

        assertThat(reused.status()).as(reused.toString()).isEqualTo(201);
        assertThat(messageCount(address, "INBOX")).isZero();
    }

    private static int messageCount(String user, String mailbox) {
        ApiResponse count = postyard.webAdmin().get("/users/" + user + "/mailboxes/" + mailbox + "/messageCount").send();
        assertThat(count.status()).as(count.toString()).isEqualTo(200);
        return Integer.parseInt(count.body().trim());
    }

    @Test
    void onlyOpenmailKeysAreAccepted() {
        ApiResponse none = postyard.api().get("/openmail/v1/inboxes").send();
        assertError(none, 401, "unauthorized");
        assertThat(none.header("WWW-Authenticate")).startsWith("Bearer");
        assertError(postyard.api().get("/openmail/v1/inboxes").bearer("om_live_not-a-key").send(), 401, "unauthorized");
        assertError(postyard.api().get("/openmail/v1/inboxes").bearer(postyard.primaryKey()).send(), 401, "unauthorized");
        assertError(postyard.api().get("/openmail/v1/inboxes").bearer(postyard.createKey("tempmail")).send(), 401, "unauthorized");
        assertError(postyard.api().get("/openmail/v1/inboxes").basicAuth("api", agent.key()).send(), 401, "unauthorized");
        assertError(postyard.api().post("/openmail/v1/inboxes/inb_x/send").json("{}").send(), 401, "unauthorized");
        assertThat(postyard.api().get("/openmail/v1/inboxes").bearer(agent.key()).send().status()).isEqualTo(200);
    }

    @Test
    void aMissingKeyAndAWrongOneAreToldApart() {
        ApiResponse missing = postyard.api().get("/openmail/v1/inboxes").send();
        ApiResponse wrong = postyard.api().get("/openmail/v1/inboxes").bearer("om_live_not-a-key").send();

        assertThat(missing.json().get("message").asText()).contains("required");
        assertThat(wrong.json().get("message").asText()).contains("not valid");
    }

    @Test
    void everyAnswerToAKeyReportsItsBudget() {
        ApiResponse answer = postyard.api().get("/openmail/v1/inboxes").bearer(agent.key()).send();
        ApiResponse refusal = postyard.api().get("/openmail/v1/inboxes/inb_none").bearer(agent.key()).send();

        for (ApiResponse response : List.of(answer, refusal)) {
            long limit = Long.parseLong(response.header("X-RateLimit-Limit"));
            assertThat(Long.parseLong(response.header("X-RateLimit-Remaining"))).isBetween(0L, limit - 1);
            assertThat(Long.parseLong(response.header("X-RateLimit-Reset"))).isPositive();
        }
    }

    @Test
    void anotherAccountsInboxIsNotFound() {
        String id = agent.createInbox("{\"username\":\"private-one\"}").get("id").asText();
        OpenmailClient stranger = OpenmailClient.withNewKey(postyard, "stranger");

        for (String path : List.of("/inboxes/" + id, "/inboxes/" + id + "/messages", "/inboxes/" + id + "/threads", "/inboxes/" + id + "/webhook")) {
            assertError(stranger.call("GET", path).send(), 404, "not_found");
        }
        assertError(stranger.call("PATCH", "/inboxes/" + id).json("{\"externalId\":\"mine\"}").send(), 404, "not_found");
        assertError(stranger.call("DELETE", "/inboxes/" + id).send(), 404, "not_found");
        assertError(stranger.send(id, "k-1", "{\"to\":\"a@b.test\",\"subject\":\"s\",\"body\":\"b\"}"), 404, "not_found");
        assertThat(ids(stranger.call("GET", "/inboxes").send().json())).doesNotContain(id);
        assertThat(agent.call("GET", "/inboxes/" + id).send().status()).isEqualTo(200);
    }

    @Test
    void badRequestsAre4xxInOpenmailsFormat() {
        assertError(agent.call("POST", "/inboxes").json("{\"username\":").send(), 400, "invalid_request");
        assertError(agent.call("POST", "/inboxes").json("[]").send(), 400, "invalid_request");
        assertError(agent.call("POST", "/inboxes").raw("text/plain", "username=x".getBytes()).send(), 400, "invalid_request");
        assertError(agent.call("POST", "/inboxes").json("{\"username\":42}").send(), 400, "validation_error");
        assertError(agent.call("POST", "/inboxes").json("{\"username\":\"has space\"}").send(), 400, "validation_error");
        assertError(agent.call("POST", "/inboxes").json("{\"username\":\"crlf\\r\\nBcc: x@evil.test\"}").send(), 400, "validation_error");
        assertError(agent.call("POST", "/inboxes").json("{\"externalId\":\"line\\nbreak\"}").send(), 400, "validation_error");
        assertError(agent.call("POST", "/inboxes").json("{\"externalId\":\"" + "x".repeat(MAX_BODY) + "\"}").send(), 413, "payload_too_large");
        assertError(agent.call("GET", "/nothing-here").send(), 404, "not_found");
        assertError(agent.call("GET", "/threads/thr_unknown/messages").send(), 404, "not_found");
    }
}
