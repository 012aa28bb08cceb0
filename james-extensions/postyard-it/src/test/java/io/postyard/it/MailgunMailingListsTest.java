package io.postyard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.internet.MimeMessage;

import org.apache.james.utils.SMTPMessageSender;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.mailgun.api.v3.MailgunMailingListApi;
import com.mailgun.client.MailgunClient;
import com.mailgun.enums.AccessLevel;
import com.mailgun.enums.ReplyPreference;
import com.mailgun.model.mailing.lists.MailingListDataResponse;
import com.mailgun.model.mailing.lists.MailingListMember;
import com.mailgun.model.mailing.lists.MailingListMemberResponse;
import com.mailgun.model.mailing.lists.MailingListMemberUpdateRequest;
import com.mailgun.model.mailing.lists.MailingListMembersRequest;
import com.mailgun.model.mailing.lists.MailingListMembersResponse;
import com.mailgun.model.mailing.lists.MailingListNewMemberRequest;
import com.mailgun.model.mailing.lists.MailingListRequest;
import com.mailgun.model.mailing.lists.MailingListResponse;
import com.mailgun.model.mailing.lists.AddMailingListMembersRequest;
import com.mailgun.model.mailing.lists.UpdateMailingListRequest;

import io.postyard.core.settings.Setting;
import io.postyard.testing.ApiResponse;
import io.postyard.testing.HttpApi;
import io.postyard.testing.PostyardExtension;
import io.postyard.testing.ScriptedSmtpSink;

/**
 * Mailgun's mailing lists: the API through HTTP and the official mailgun-java client, and mail to a list, sent through
 * the API or received over SMTP, reaching each subscribed member personalised, with a list unsubscribe that leaves
 * the member's other mail alone, and the list's access level deciding who may post.
 */
class MailgunMailingListsTest {
    private static final String DOMAIN = "lists.test";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static PostyardExtension postyard = PostyardExtension.builder()
        .withScriptedSmtpSink()
        .setting(Setting.TESTING_TRUST_ALL_DOMAINS, "true")
        .build();

    @BeforeAll
    static void createDomain() {
        primary(postyard.api().post("/mailgun/v3/domains")).form(Map.of("name", DOMAIN)).send();
    }

    @AfterEach
    void clearSink() {
        postyard.scriptedSink().clear();
    }

    private static HttpApi.Call primary(HttpApi.Call call) {
        return call.basicAuth("api", postyard.primaryKey());
    }

    private static MailgunMailingListApi client() {
        return MailgunClient.config("http://" + PostyardExtension.LOCALHOST + ":" + postyard.httpPort() + "/mailgun",
            postyard.primaryKey()).createApi(MailgunMailingListApi.class);
    }

    private static ApiResponse createList(String address, String accessLevel) {
        ApiResponse created = primary(postyard.api().post("/mailgun/v3/lists"))
            .form(Map.of("address", address, "name", "Team", "access_level", accessLevel)).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        return created;
    }

    private static void addMember(String list, String address, String vars) {
        ApiResponse added = primary(postyard.api().post("/mailgun/v3/lists/" + list + "/members"))
            .form(Map.of("address", address, "vars", vars)).send();
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
    }

    private static String send(String to, String subject, String text) {
        ApiResponse sent = primary(postyard.api().post("/mailgun/v3/" + DOMAIN + "/messages"))
            .form(Map.of("from", "news@" + DOMAIN, "to", to, "subject", subject, "text", text)).send();
        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        return sent.json().get("id").asText();
    }

    private static String text(MimeMessage message) throws MessagingException, IOException {
        Object content = message.getContent();
        if (content instanceof String text) {
            return text;
        }
        return new String(message.getRawInputStream().readAllBytes());
    }

    /**
     * The sink: a plain SMTP server that takes the null reverse path of bounces (GreenMail refuses it), keeping each
     * message with its envelope.
     */
    private static List<MimeMessage> awaitMessages(int count) throws MessagingException {
        postyard.scriptedSink().awaitReceived(count, WAIT);
        return messages();
    }

    private static List<MimeMessage> messages() throws MessagingException {
        return parsed(postyard.scriptedSink().received());
    }

    private static List<MimeMessage> messagesTo(String address) throws MessagingException {
        return parsed(postyard.scriptedSink().received().stream().filter(received -> received.recipients().contains(address)).toList());
    }

    private static List<MimeMessage> parsed(List<ScriptedSmtpSink.Received> received) throws MessagingException {
        List<MimeMessage> messages = new ArrayList<>();
        for (ScriptedSmtpSink.Received message : received) {
            messages.add(new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(message.data().getBytes(StandardCharsets.ISO_8859_1))));
        }
        return messages;
    }

    private static List<String> subjectsTo(String address) throws MessagingException {
        List<String> subjects = new ArrayList<>();
        for (MimeMessage message : messagesTo(address)) {
            subjects.add(message.getSubject());
        }
        return subjects;
    }

    @Test
    void oneSendToAListReachesEachSubscribedMemberPersonalised() throws Exception {
        String list = "team@" + DOMAIN;
        createList(list, "readonly");
        addMember(list, "Anna <anna@far.example>", "{\"first\":\"Anna\",\"seat\":1}");
        addMember(list, "bob@far.example", "{\"first\":\"Bob\",\"seat\":2}");
        addMember(list, "carl@far.example", "{\"first\":\"Carl\",\"seat\":3}");
        addMember(list, "dora@far.example", "{\"first\":\"Dora\"}");
        primary(postyard.api().put("/mailgun/v3/lists/" + list + "/members/dora@far.example")).form(Map.of("subscribed", "no")).send();

        String id = send(list, "Hello %recipient.first%", "Dear %recipient.first%, your seat is %recipient.seat%.");

        List<MimeMessage> received = awaitMessages(3);
        Thread.sleep(500);
        assertThat(messages()).hasSize(3);
        List<String> subjects = new ArrayList<>();
        for (MimeMessage message : received) {
            subjects.add(message.getSubject());
            assertThat(message.getHeader("List-Id")[0]).isEqualTo("<team.lists.test>");
            assertThat(message.getHeader("Reply-To")[0]).isEqualTo(list);
            assertThat(message.getHeader("Message-ID")[0]).isEqualTo(id);
            assertThat(message.getHeader("List-Unsubscribe")[0]).contains("/t/u/");
        }
        assertThat(subjects).containsExactlyInAnyOrder("Hello Anna", "Hello Bob", "Hello Carl");
        assertThat(subjectsTo("bob@far.example")).containsExactly("Hello Bob");
        assertThat(text(messagesTo("bob@far.example").get(0))).contains("Dear Bob, your seat is 2.");
        assertThat(subjectsTo("dora@far.example")).isEmpty();

        JsonNode accepted = Awaitility.await().atMost(WAIT).until(() -> primary(postyard.api()
                .get("/mailgun/v3/" + DOMAIN + "/events?event=delivered&recipient=bob@far.example")).send().json().get("items"),
            items -> items.size() == 1);
        assertThat(accepted.get(0).get("mailing-list").get("address").asText()).isEqualTo(list);
    }

    @Test
    void aMemberWhoUsesTheListUnsubscribeGetsNoMoreListMailButStillDirectMail() throws Exception {
        String list = "news@" + DOMAIN;
        createList(list, "readonly");
        addMember(list, "erin@far.example", "{}");
        addMember(list, "finn@far.example", "{}");

        send(list, "Issue 1", "Read it. Leave: %mailing_list_unsubscribe_url%");
        List<MimeMessage> first = awaitMessages(2);
        assertThat(first).hasSize(2);
        MimeMessage erins = messagesTo("erin@far.example").get(0);
        Matcher link = Pattern.compile("Leave: (\\S+)").matcher(text(erins));
        assertThat(link.find()).isTrue();
        String path = link.group(1).substring(link.group(1).indexOf("/t/u/"));
        assertThat(erins.getHeader("List-Unsubscribe")[0]).isEqualTo("<" + link.group(1) + ">");
        assertThat(postyard.api().get(path).send().status()).isEqualTo(200);

        JsonNode erin = primary(postyard.api().get("/mailgun/v3/lists/" + list + "/members/erin@far.example")).send().json();
        assertThat(erin.get("member").get("subscribed").asBoolean()).isFalse();
        postyard.scriptedSink().clear();

        send(list, "Issue 2", "Read it.");
        send("erin@far.example", "Just for you", "Hi Erin");
        awaitMessages(2);
        Thread.sleep(500);
        assertThat(messages()).hasSize(2);
        assertThat(subjectsTo("erin@far.example")).containsExactly("Just for you");
        assertThat(subjectsTo("finn@far.example")).containsExactly("Issue 2");
        JsonNode suppressed = primary(postyard.api().get("/mailgun/v3/" + DOMAIN + "/unsubscribes/erin@far.example")).send().json();
        assertThat(suppressed.has("address")).as(suppressed.toString()).isFalse();
    }

    @Test
    void whoMayPostOverSmtpIsTheListsAccessLevel() throws Exception {
        String members = "club@" + DOMAIN;
        String owners = "notices@" + DOMAIN;
        String everyone = "open@" + DOMAIN;
        createList(members, "members");
        createList(owners, "readonly");
        createList(everyone, "everyone");
        for (String list : List.of(members, owners, everyone)) {
            addMember(list, "gus@far.example", "{}");
        }

        post("gus@far.example", members, "From a member");
        post("stranger@far.example", members, "From a stranger");
        post("gus@far.example", owners, "To the owners' list");
        post("stranger@far.example", everyone, "To the open list");

        awaitMessages(4);
        Thread.sleep(1000);
        List<String> listCopies = new ArrayList<>();
        List<MimeMessage> bouncesToGus = new ArrayList<>();
        for (MimeMessage message : messagesTo("gus@far.example")) {
            if (isListCopy(message)) {
                listCopies.add(message.getSubject());
            } else {
                bouncesToGus.add(message);
            }
        }
        assertThat(listCopies).containsExactlyInAnyOrder("From a member", "To the open list");
        assertThat(bouncesToGus).hasSize(1);
        assertThat(raw(bouncesToGus.get(0))).contains("Only the owner of " + owners + " may post to it");
        List<MimeMessage> bouncesToStranger = messagesTo("stranger@far.example");
        assertThat(bouncesToStranger).hasSize(1);
        assertThat(raw(bouncesToStranger.get(0))).contains("Only members of " + members + " may post to it");
    }

    private static boolean isListCopy(MimeMessage message) {
        try {
            return message.getHeader("List-Id") != null;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String raw(MimeMessage message) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        message.writeTo(out);
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void post(String from, String list, String subject) throws Exception {
        try (SMTPMessageSender smtp = SMTPMessageSender.noAuthentication(PostyardExtension.LOCALHOST, postyard.smtpPort(), "far.example")) {
            smtp.sendMessageWithHeaders(from, list, "From: " + from + "\r\nTo: " + list + "\r\nSubject: " + subject
                + "\r\nMessage-ID: <" + subject.hashCode() + "@far.example>\r\n\r\nHello list\r\n");
        }
    }

    @Test
    void listsAndMembersAreManagedAndPagedInMailgunsShapes() {
        String list = "paged@" + DOMAIN;
        JsonNode created = createList(list, "members").json();
        assertThat(created.get("message").asText()).isEqualTo("Mailing list has been created");
        assertThat(created.get("list").get("access_level").asText()).isEqualTo("members");
        assertThat(created.get("list").get("reply_preference").asText()).isEqualTo("list");
        assertThat(created.get("list").get("created_at").asText()).endsWith("+0000");
        assertThat(primary(postyard.api().post("/mailgun/v3/lists")).form(Map.of("address", list)).send().status()).isEqualTo(400);
        assertThat(primary(postyard.api().post("/mailgun/v3/lists")).form(Map.of("address", "x@not-ours.test")).send().status())
            .isEqualTo(400);

        String members = "[\"m1@far.example\", {\"address\": \"M2@far.example\", \"name\": \"Two\", \"vars\": {\"n\": 2}},"
            + " {\"address\": \"m3@far.example\", \"subscribed\": false}, \"Four <m4@far.example>\"]";
        ApiResponse bulk = primary(postyard.api().post("/mailgun/v3/lists/" + list + "/members.json"))
            .form(Map.of("members", members, "upsert", "yes")).send();
        assertThat(bulk.status()).as(bulk.toString()).isEqualTo(200);
        assertThat(bulk.json().get("list").get("members_count").asInt()).isEqualTo(4);
        ApiResponse duplicate = primary(postyard.api().post("/mailgun/v3/lists/" + list + "/members"))
            .form(Map.of("address", "m1@far.example")).send();
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.json().get("message").asText()).contains("Address already exists");

        JsonNode firstPage = primary(postyard.api().get("/mailgun/v3/lists/" + list + "/members/pages?limit=2")).send().json();
        assertThat(firstPage.get("items")).extracting(item -> item.get("address").asText()).containsExactly("m1@far.example", "m2@far.example");
        assertThat(firstPage.get("items").get(1).get("vars").get("n").asInt()).isEqualTo(2);
        String next = firstPage.get("paging").get("next").asText();
        JsonNode secondPage = primary(postyard.api().get(next.substring(next.indexOf("/mailgun/")))).send().json();
        assertThat(secondPage.get("items")).extracting(item -> item.get("address").asText()).containsExactly("m3@far.example", "m4@far.example");
        assertThat(secondPage.get("items").get(1).get("name").asText()).isEqualTo("Four");
        JsonNode byAddress = primary(postyard.api().get("/mailgun/v3/lists?address=" + list)).send().json();
        assertThat(byAddress.get("items")).extracting(item -> item.get("address").asText()).containsExactly(list);
        JsonNode subscribed = primary(postyard.api().get("/mailgun/v3/lists/" + list + "/members?subscribed=no")).send().json();
        assertThat(subscribed.get("total_count").asInt()).isEqualTo(1);

        ApiResponse renamed = primary(postyard.api().put("/mailgun/v3/lists/" + list))
            .form(Map.of("address", "renamed@" + DOMAIN, "description", "Now renamed")).send();
        assertThat(renamed.json().get("list").get("address").asText()).isEqualTo("renamed@" + DOMAIN);
        assertThat(renamed.json().get("list").get("members_count").asInt()).isEqualTo(4);
        assertThat(primary(postyard.api().get("/mailgun/v3/lists/" + list)).send().status()).isEqualTo(404);

        ApiResponse removed = primary(postyard.api().delete("/mailgun/v3/lists/renamed@" + DOMAIN + "/members/m4@far.example")).send();
        assertThat(removed.json().get("message").asText()).isEqualTo("Mailing list member has been deleted");
        ApiResponse deleted = primary(postyard.api().delete("/mailgun/v3/lists/renamed@" + DOMAIN)).send();
        assertThat(deleted.json().get("message").asText()).isEqualTo("Mailing list has been removed");
        assertThat(primary(postyard.api().get("/mailgun/v3/lists/renamed@" + DOMAIN + "/members")).send().status()).isEqualTo(404);

        String otherAccount = postyard.webAdmin().post("/postyard/keys")
            .json("{\"kind\":\"primary\",\"account\":\"elsewhere\",\"description\":\"other\"}").send().json().get("secret").asText();
        createList("private@" + DOMAIN, "readonly");
        assertThat(postyard.api().get("/mailgun/v3/lists/private@" + DOMAIN).basicAuth("api", otherAccount).send().status()).isEqualTo(404);
    }

    @Test
    void theOfficialJavaClientManagesListsAndMembers() {
        MailgunMailingListApi lists = client();
        String address = "java@" + DOMAIN;

        MailingListResponse created = lists.createMailingList(MailingListRequest.builder()
            .address(address).name("Java").description("From mailgun-java")
            .accessLevel(AccessLevel.MEMBERS).replyPreference(ReplyPreference.SENDER).build());
        assertThat(created.getList().getAddress()).isEqualTo(address);
        assertThat(created.getList().getAccessLevel()).isEqualTo(AccessLevel.MEMBERS);
        assertThat(created.getList().getCreatedAt()).isNotNull();

        MailingListMemberResponse member = lists.addMemberToMailingList(address, MailingListNewMemberRequest.builder()
            .address("hana@far.example").name("Hana").vars(Map.of("team", "blue")).subscribed(true).upsert(true).build());
        assertThat(member.getMember().getVars()).containsEntry("team", "blue");
        lists.addMembersToMailingList(address, AddMailingListMembersRequest.builder()
            .members(List.of(MailingListMember.builder().address("ivan@far.example").name("Ivan").vars(Map.of("team", "red")).subscribed(true).build()))
            .upsert(true).build());
        lists.updateMailingListMember(address, "ivan@far.example", MailingListMemberUpdateRequest.builder().subscribed(false).build());

        MailingListMembersResponse page = lists.getMailingListMembers(address, MailingListMembersRequest.builder().limit(10).build());
        assertThat(page.getItems()).extracting(MailingListMember::getAddress).containsExactly("hana@far.example", "ivan@far.example");
        assertThat(page.getItems().get(1).getSubscribed()).isFalse();
        assertThat(lists.getMailingListMember(address, "hana@far.example").getMember().getName()).isEqualTo("Hana");
        assertThat(lists.getMailingListByAddress(address).getList().getMembersCount()).isEqualTo(2);

        MailingListResponse updated = lists.updateMailingList(address, UpdateMailingListRequest.builder().name("Java team").build());
        assertThat(updated.getList().getName()).isEqualTo("Java team");
        MailingListDataResponse all = lists.getMailingList(100);
        assertThat(all.getItems()).extracting(item -> item.getAddress()).contains(address);
        assertThat(all.getItems().stream().map(item -> item.getAddress()).sorted(Comparator.naturalOrder()).toList())
            .isEqualTo(all.getItems().stream().map(item -> item.getAddress()).toList());

        lists.deleteMemberFromMailingList(address, "ivan@far.example");
        assertThat(lists.deleteMailingList(address).getMessage()).isEqualTo("Mailing list has been removed");
    }
}
