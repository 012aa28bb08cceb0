package io.postyard.console;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.apache.james.core.MailAddress;
import org.apache.james.queue.api.MailQueueFactory;
import org.apache.james.queue.api.MailQueueName;
import org.apache.james.queue.api.ManageableMailQueue;
import org.apache.mailet.Mail;

import io.postyard.core.account.AccountId;
import io.postyard.core.mailbox.MessageHeaders;
import io.postyard.core.sending.DomainMailQueues;
import io.postyard.core.sending.OutboundMessages;
import io.postyard.http.ApiException;
import spark.Request;
import spark.Response;
import spark.Service;

/**
 * James's mail queues (the spool and the delivery queues), through James's own queue API: their sizes, the first mails
 * of one, a mail's headers and source, sending delayed mail now (flush), and removing one mail. Every account's mail
 * is there, so only the operator (the default account) sees this page.
 */
class QueuePages {
    private static final int SHOWN = 100;
    private static final int MAX_SOURCE = 512 * 1024;

    private final MailQueueFactory<?> queues;
    private final Templates templates;

    @Inject
    QueuePages(MailQueueFactory<?> queues, Templates templates) {
        this.queues = queues;
        this.templates = templates;
    }

    void define(Service service) {
        String base = ConsoleApi.PREFIX + "/queues";
        service.get(base, this::page);
        service.get(base + "/:queue/mails/:name", this::mail);
        service.post(base + "/:queue/flush", this::flush);
        service.post(base + "/:queue/mails/:name/delete", this::delete);
    }

    private Object page(Request request, Response response) throws Exception {
        ConsoleSession session = operator(request);
        Map<String, Object> model = new LinkedHashMap<>();
        List<Map<String, Object>> sizes = new ArrayList<>();
        for (MailQueueName name : DomainMailQueues.QUEUES) {
            Optional<ManageableMailQueue> queue = queue(name);
            sizes.add(Map.of("name", name.asString(), "size", queue.isPresent() ? Long.toString(queue.get().getSize()) : "not started"));
        }
        model.put("queues", sizes);
        Optional<MailQueueName> chosen = Optional.ofNullable(request.queryParams("queue")).flatMap(QueuePages::known);
        if (chosen.isPresent()) {
            model.put("queue", chosen.get().asString());
            model.put("mails", browse(chosen.get()));
        }
        Optional.ofNullable(request.queryParams("done")).ifPresent(done -> model.put("notice", done));
        response.type("text/html; charset=utf-8");
        return templates.page("queues", "Queues", Optional.of(session), model);
    }

    private List<Map<String, Object>> browse(MailQueueName name) throws Exception {
        List<Map<String, Object>> mails = new ArrayList<>();
        Optional<ManageableMailQueue> queue = queue(name);
        if (queue.isEmpty()) {
            return mails;
        }
        ManageableMailQueue.MailQueueIterator items = queue.get().browse();
        try {
            while (items.hasNext() && mails.size() < SHOWN) {
                ManageableMailQueue.MailQueueItemView item = items.next();
                Mail mail = item.getMail();
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("name", mail.getName());
                row.put("sender", mail.getMaybeSender().asString("<>"));
                row.put("recipients", mail.getRecipients().stream().map(MailAddress::asString).collect(Collectors.joining(", ")));
                row.put("subject", Optional.ofNullable(mail.getMessage().getSubject()).orElse(""));
                row.put("size", mail.getMessageSize());
                row.put("nextDelivery", item.getNextDelivery().map(Object::toString).orElse("now"));
                mails.add(row);
            }
        } finally {
            items.close();
        }
        return mails;
    }

    private Object mail(Request request, Response response) throws Exception {
        ConsoleSession session = operator(request);
        MailQueueName name = known(request.params("queue")).orElseThrow(() -> ApiException.notFound("Queue not found"));
        Mail mail = find(name, request.params("name")).orElseThrow(() -> ApiException.notFound("Mail not found in " + name.asString()));
        byte[] raw = OutboundMessages.bytes(mail.getMessage());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("queue", name.asString());
        model.put("name", mail.getName());
        model.put("sender", mail.getMaybeSender().asString("<>"));
        model.put("recipients", mail.getRecipients().stream().map(MailAddress::asString).collect(Collectors.joining(", ")));
        model.put("headers", MessageHeaders.of(raw).stream().map(header -> Map.of("name", header.getKey(), "value", header.getValue())).toList());
        model.put("raw", new String(raw, 0, Math.min(raw.length, MAX_SOURCE), StandardCharsets.UTF_8));
        model.put("truncated", raw.length > MAX_SOURCE);
        response.type("text/html; charset=utf-8");
        return templates.page("queued", "Queued mail", Optional.of(session), model);
    }

    private Object flush(Request request, Response response) throws Exception {
        operator(request);
        MailQueueName name = known(request.params("queue")).orElseThrow(() -> ApiException.notFound("Queue not found"));
        long flushed = queue(name).orElseThrow(() -> ApiException.notFound("Queue not started")).flush();
        response.redirect(ConsoleApi.PREFIX + "/queues?queue=" + name.asString() + "&done=" + flushed + "+delayed+mail(s)+sent+now");
        return "";
    }

    private Object delete(Request request, Response response) throws Exception {
        operator(request);
        MailQueueName name = known(request.params("queue")).orElseThrow(() -> ApiException.notFound("Queue not found"));
        long removed = queue(name).orElseThrow(() -> ApiException.notFound("Queue not started"))
            .remove(ManageableMailQueue.Type.Name, request.params("name"));
        response.redirect(ConsoleApi.PREFIX + "/queues?queue=" + name.asString() + "&done=" + removed + "+mail(s)+removed");
        return "";
    }

    private Optional<Mail> find(MailQueueName name, String mailName) throws Exception {
        Optional<ManageableMailQueue> queue = queue(name);
        if (queue.isEmpty()) {
            return Optional.empty();
        }
        ManageableMailQueue.MailQueueIterator items = queue.get().browse();
        try {
            while (items.hasNext()) {
                Mail mail = items.next().getMail();
                if (mail.getName().equals(mailName)) {
                    return Optional.of(mail);
                }
            }
            return Optional.empty();
        } finally {
            items.close();
        }
    }

    private Optional<ManageableMailQueue> queue(MailQueueName name) {
        return queues.getQueue(name).filter(ManageableMailQueue.class::isInstance).map(ManageableMailQueue.class::cast);
    }

    private static Optional<MailQueueName> known(String name) {
        return DomainMailQueues.QUEUES.stream().filter(queue -> queue.asString().equals(name)).findFirst();
    }

    private static ConsoleSession operator(Request request) {
        ConsoleSession session = ConsoleAccess.session(request);
        if (!session.account().equals(AccountId.DEFAULT)) {
            throw ApiException.forbidden("The queues hold every account's mail: only the operator sees them");
        }
        return session;
    }
}
