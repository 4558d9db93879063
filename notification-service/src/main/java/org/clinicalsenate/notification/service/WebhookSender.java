package org.clinicalsenate.notification.service;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.clinicalsenate.notification.config.WebhookConfig;
import org.clinicalsenate.notification.domain.WebhookAttempt;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookSigningException;

/**
 * One signed POST to a receiver (Standard Webhooks): the headers {@code webhook-id},
 * {@code webhook-timestamp} and {@code webhook-signature} (one {@code v1,} signature per signing
 * secret, signed with the Standard Webhooks library), the body as stored. The whole exchange,
 * connecting included, is bounded by the timeout; at most the first 1 KB of the answer is read
 * (a huge answer costs nothing), and redirects are not followed (a 3xx is a failure).
 */
@ApplicationScoped
public class WebhookSender {

    /** What came of an attempt: an HTTP status (and the start of the answer), or an error. */
    public record Outcome(Integer status, String response, String error, Optional<Duration> retryAfter) {

        public boolean succeeded() {
            return error == null && status != null && status >= 200 && status < 300;
        }

        static Outcome error(String error) {
            return new Outcome(null, null, error, Optional.empty());
        }
    }

    private static final Duration MAX_RETRY_AFTER = Duration.ofDays(1);

    @Inject
    WebhookConfig config;

    private HttpClient client;

    /** Ends exchanges that outlast the timeout (the client's own timeout stops at the answer's headers). */
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "webhook-deadlines");
        thread.setDaemon(true);
        return thread;
    });

    @PostConstruct
    void init() {
        client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(config.timeout())
                // what follows an answer is short and never blocks: it runs on the client's own thread
                // rather than a hand-over to another thread per answer
                .executor(Runnable::run)
                .build();
    }

    @PreDestroy
    void stop() {
        deadlines.shutdownNow();
    }

    /** The {@code webhook-signature} header: one {@code v1,<base64>} per secret, separated by spaces. */
    public static String signature(List<String> secrets, String webhookId, long timestamp, String payload) {
        return secrets.stream().map(secret -> {
            try {
                return new Webhook(secret).sign(webhookId, timestamp, payload);
            } catch (WebhookSigningException | com.standardwebhooks.exceptions.EmptyWebhookSecretException e) {
                throw new IllegalStateException("Cannot sign a webhook: " + e.getMessage(), e);
            }
        }).collect(Collectors.joining(" "));
    }

    /**
     * Sends without holding a thread while the receiver answers; the future always completes with an
     * outcome (an error is an outcome), within the timeout.
     */
    public CompletableFuture<Outcome> send(URI url, String webhookId, Instant signedAt, String payload,
            List<String> secrets) {
        long timestamp = signedAt.getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(config.timeout())
                .header("content-type", "application/json")
                .header("user-agent", "clinical-senate-webhooks/1")
                .header("webhook-id", webhookId)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", signature(secrets, webhookId, timestamp, payload))
                .POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8))
                .build();
        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(request, info -> new FirstBytes());
        ScheduledFuture<?> deadline = deadlines.schedule(() -> exchange.cancel(true), config.timeout().toMillis(),
                TimeUnit.MILLISECONDS);
        return exchange.handle((response, failure) -> {
            deadline.cancel(false);
            return failure == null
                    ? new Outcome(response.statusCode(), text(response.body()), null,
                            retryAfter(response.statusCode(), response.headers().firstValue("retry-after")))
                    : failed(failure);
        });
    }

    private Outcome failed(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        if (cause instanceof java.net.http.HttpConnectTimeoutException) {
            return Outcome.error("no connection within " + config.timeout().toSeconds() + " s");
        }
        if (cause instanceof java.net.http.HttpTimeoutException || cause instanceof CancellationException) {
            return Outcome.error("no answer within " + config.timeout().toSeconds() + " s");
        }
        return Outcome.error(clean(cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage())));
    }

    /** 429 and 503 may say when to come back: in seconds or as an HTTP date. */
    static Optional<Duration> retryAfter(int status, Optional<String> header) {
        if ((status != 429 && status != 503) || header.isEmpty()) {
            return Optional.empty();
        }
        String value = header.get().trim();
        Duration wait;
        try {
            wait = Duration.ofSeconds(Long.parseLong(value));
        } catch (NumberFormatException e) {
            try {
                wait = Duration.between(Instant.now(), ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant());
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
        if (wait.isNegative()) {
            return Optional.empty();
        }
        return Optional.of(wait.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : wait);
    }

    private static String text(byte[] body) {
        return body.length == 0 ? null : clean(new String(body, StandardCharsets.UTF_8));
    }

    /** PostgreSQL text holds no NUL; the limit is in characters there, at most the bytes read. */
    static String clean(String text) {
        String cleaned = text.replace('\u0000', '\uFFFD');
        return cleaned.length() > WebhookAttempt.RESPONSE_LIMIT ? cleaned.substring(0, WebhookAttempt.RESPONSE_LIMIT)
                : cleaned;
    }

    /** Reads the first 1 KB of an answer and no more: the rest is cancelled, never buffered. */
    static final class FirstBytes implements HttpResponse.BodySubscriber<byte[]> {

        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream read = new ByteArrayOutputStream();
        private Flow.Subscription subscription;

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                int take = Math.min(buffer.remaining(), WebhookAttempt.RESPONSE_LIMIT - read.size());
                byte[] bytes = new byte[take];
                buffer.get(bytes);
                read.write(bytes, 0, take);
            }
            if (read.size() >= WebhookAttempt.RESPONSE_LIMIT) {
                subscription.cancel();
                result.complete(read.toByteArray());
            } else {
                subscription.request(1);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            // the status is known: what was read is enough
            result.complete(read.toByteArray());
        }

        @Override
        public void onComplete() {
            result.complete(read.toByteArray());
        }
    }
}
