package io.postyard.mailgun.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class RouteExpressionTest {
    private static RouteExpression.Candidate mail(String recipient, Map<String, List<String>> headers) {
        return new RouteExpression.Candidate(recipient, name -> headers.getOrDefault(name, List.of()));
    }

    @Test
    void aRecipientPatternMatchesTheWholeAddressIgnoringCaseAndCapturesPythonNamedGroups() {
        RouteExpression expression = RouteExpression.parse("match_recipient(\"support-(?P<ticket>\\d+)@help.test\")");

        assertThat(expression.matchRecipient("Support-42@HELP.test")).map(RouteExpression.Match::captures)
            .contains(Map.of("1", "42", "ticket", "42"));
        assertThat(expression.matchRecipient("support-x@help.test")).isEmpty();
        assertThat(expression.matchRecipient("support-42@help.test.evil")).isEmpty();
    }

    @Test
    void singleQuotesAndConditionsJoinedByAndAllHold() {
        RouteExpression expression = RouteExpression.parse("match_recipient('.*@shop.test') and match_header('subject', '.*refund.*')");

        assertThat(expression.match(mail("a@shop.test", Map.of("subject", List.of("Please refund me"))), false)).isPresent();
        assertThat(expression.match(mail("a@shop.test", Map.of("subject", List.of("Hello"))), false)).isEmpty();
        assertThat(expression.match(mail("a@other.test", Map.of("subject", List.of("refund"))), false)).isEmpty();
    }

    @Test
    void catchAllMatchesAnythingNoEarlierRouteMatched() {
        RouteExpression expression = RouteExpression.parse(" catch_all() ");

        assertThat(expression.matchRecipient("anyone@anywhere.test")).isPresent();
        assertThat(expression.match(mail("anyone@anywhere.test", Map.of()), true)).isEmpty();
    }

    @Test
    void atRcptAHeaderConditionMayStillHold() {
        RouteExpression expression = RouteExpression.parse("match_recipient('sales@.*') and match_header('subject', '.*refund.*')");

        assertThat(expression.mayMatch("sales@shop.test")).isTrue();
        assertThat(expression.mayMatch("billing@shop.test")).isFalse();
        assertThat(RouteExpression.parse("match_header('subject', 'x')").mayMatch("anyone@shop.test")).isTrue();
    }

    @Test
    void malformedExpressionsAreRefusedWithAReason() {
        for (String bad : List.of("", "match_recipient(", "match_recipient(.*)", "match_recipient(\"[\")", "match_everything()",
                "match_recipient(\"a\") or catch_all()", "match_header(\"subject\")", "catch_all(\"x\")", "match_recipient(\"a\") and")) {
            assertThatThrownBy(() -> RouteExpression.parse(bad)).as(bad).isInstanceOf(InvalidRouteException.class);
        }
    }

    @Test
    void actionsAreReadAsMailgunWritesThem() {
        assertThat(RouteActions.parse("forward(\"https://hooks.test/in/\\g<ticket>\")"))
            .containsExactly(new RouteAction.ForwardToUrl("https://hooks.test/in/\\g<ticket>"));
        assertThat(RouteActions.parse("forward('Team@Example.test')")).containsExactly(new RouteAction.ForwardToAddress("Team@example.test"));
        assertThat(RouteActions.parse("forward(\"https://hooks.test/in, desk@example.test\")"))
            .containsExactly(new RouteAction.ForwardToUrl("https://hooks.test/in"), new RouteAction.ForwardToAddress("desk@example.test"));
        assertThat(RouteActions.parse("store(notify=\"https://hooks.test/stored\")"))
            .containsExactly(new RouteAction.Store(Optional.of("https://hooks.test/stored")));
        assertThat(RouteActions.parse("store()")).containsExactly(new RouteAction.Store(Optional.empty()));
        assertThat(RouteActions.parse("stop()")).containsExactly(new RouteAction.Stop());
        for (String bad : List.of("forward(\"ftp://x.test\")", "forward(\"not an address\")", "forward()", "store(\"x\")",
                "store(url=\"https://x.test\")", "stop(\"now\")", "drop()", "forward(\"https://x.test\") and stop()")) {
            assertThatThrownBy(() -> RouteActions.parse(bad)).as(bad).isInstanceOf(InvalidRouteException.class);
        }
    }

    @Test
    void capturesFillTheActionsOfAMatch() {
        RouteAction url = RouteActions.parse("forward(\"https://hooks.test/tickets/\\g<ticket>?q=\\g<1>\")").get(0);
        RouteAction address = RouteActions.parse("forward(\"\\g<user>@desk.test\")").get(0);

        assertThat(RouteActions.resolve(url, Map.of("ticket", "42", "1", "a b")))
            .isEqualTo(new RouteAction.ForwardToUrl("https://hooks.test/tickets/42?q=a%20b"));
        assertThat(RouteActions.resolve(address, Map.of("user", "anna"))).isEqualTo(new RouteAction.ForwardToAddress("anna@desk.test"));
    }
}
