package dev.kafkaworkbook.kit.proxies;

import dev.kafkaworkbook.kit.sandbox.KitThreads;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.internals.KafkaFutureImpl;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An admin client whose {@code createTopics} results complete {@link #DELAY} after the real ones. Code that waits
 * for the result (any way: {@code all().get()}, {@code values().get(name).get(timeout)}, …) returns after it has
 * completed; code that does not wait returns while it is still pending, which {@link #returnedBeforeTheResult()}
 * then tells. The broker cannot tell the two apart: the topic exists either way a moment later.
 */
public final class SlowAdminResults {

    static final Duration DELAY = Duration.ofMillis(300);

    private final Recorder<Admin> recorder;
    private final List<KafkaFuture<?>> handedOut = new ArrayList<>();

    public SlowAdminResults(Admin admin) {
        // The admin client is shared by every check: a learner's close() is judged, not passed on.
        this.recorder = Recorder.of(Admin.class, admin).withholding("close")
                .replacingResultOf("createTopics", result -> delayed((CreateTopicsResult) result));
    }

    /** What to hand to the learner's code. */
    public Admin admin() {
        return recorder.proxy();
    }

    public Recorder<Admin> recorder() {
        return recorder;
    }

    /** Whether some result handed out was still pending: call it right after the learner's code returned. */
    public synchronized boolean returnedBeforeTheResult() {
        return handedOut.stream().anyMatch(future -> !future.isDone());
    }

    private synchronized CreateTopicsResult delayed(CreateTopicsResult real) {
        Map<String, KafkaFuture<CreateTopicsResult.TopicMetadataAndConfig>> later = new LinkedHashMap<>();
        real.values().forEach((topic, future) -> {
            KafkaFutureImpl<CreateTopicsResult.TopicMetadataAndConfig> slow = new KafkaFutureImpl<>();
            future.whenComplete((done, error) -> KitThreads.after(DELAY, () -> {
                if (error != null) {
                    slow.completeExceptionally(error);
                } else {
                    slow.complete(metadata(real, topic));
                }
            }));
            later.put(topic, slow);
            handedOut.add(slow);
        });
        return new DelayedResult(later);
    }

    /** The real result's metadata of {@code topic}, complete once its {@code values()} future is. */
    private static CreateTopicsResult.TopicMetadataAndConfig metadata(CreateTopicsResult real, String topic) {
        try {
            return new CreateTopicsResult.TopicMetadataAndConfig(real.topicId(topic).getNow(null),
                    real.numPartitions(topic).getNow(-1), real.replicationFactor(topic).getNow(-1),
                    real.config(topic).getNow(null));
        } catch (Exception notReturned) {
            // The broker may withhold a detail (the config, for one); the topic exists all the same.
            return new CreateTopicsResult.TopicMetadataAndConfig(null, -1, -1, null);
        }
    }

    /** CreateTopicsResult's constructor is protected: derived results ({@code all()}, {@code config(…)}) follow the map. */
    private static final class DelayedResult extends CreateTopicsResult {
        DelayedResult(Map<String, KafkaFuture<TopicMetadataAndConfig>> futures) {
            super(futures);
        }
    }
}
