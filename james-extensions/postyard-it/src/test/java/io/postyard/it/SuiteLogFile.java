package io.postyard.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;

/**
 * Copies everything the in-process servers log, with the shipped configuration's levels and MDC fields, to the file
 * named by {@code postyard.suite.log}, for {@link SuiteLogHoldsNoSecretTest} to scan once the suite has run; and
 * starts the suite's record of secrets afresh.
 */
public class SuiteLogFile implements TestExecutionListener {
    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        Optional.ofNullable(System.getProperty("postyard.suite.log")).ifPresent(SuiteLogFile::logTo);
        Optional.ofNullable(System.getProperty("postyard.suite.secrets")).ifPresent(SuiteLogFile::delete);
    }

    private static void delete(String path) {
        try {
            Files.deleteIfExists(Path.of(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void logTo(String path) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{0} %X - %msg%n%ex");
        encoder.start();
        FileAppender<ILoggingEvent> file = new FileAppender<>();
        file.setContext(context);
        file.setName("suite-log");
        file.setFile(path);
        file.setAppend(false);
        file.setEncoder(encoder);
        file.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(file);
    }
}
