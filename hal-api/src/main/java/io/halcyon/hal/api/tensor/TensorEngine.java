package io.halcyon.hal.api.tensor;

import java.time.Duration;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import io.halcyon.hal.api.view.Stability;
import io.halcyon.hal.api.view.View;

/**
 * The tensor engine of one chip instance. Completion is tracked by the hardware's completed-command
 * counter: {@link #submit} returns the counter value at which the last submitted command is done,
 * so a caller (or a new driver version) can wait for it by reading the hardware alone.
 */
@ProviderType
public interface TensorEngine {

    /** Commands the hardware queue holds. */
    int QUEUE_DEPTH = 16;

    /**
     * Queues the commands in order, waiting in device time (at most {@code bound}) for queue space.
     *
     * @return the completion ticket: the value of the completed-command counter once the last of them is done
     * @throws IllegalStateException if the engine reports an error
     */
    long submit(List<TensorCommand> commands, Duration bound);

    /**
     * Waits until the completed-command counter reaches {@code ticket}, for at most {@code bound}.
     *
     * @throws IllegalStateException if the engine reports an error (message names the code)
     * @throws io.halcyon.hal.api.bus.WaitTimeoutException if the bound passed first
     */
    void await(long ticket, Duration bound);

    /** Reads the engine's state. */
    @View(Stability.LIVE)
    TensorEngineStatus status();

    /** Engine cycles spent executing since reset. */
    @View(Stability.COUNTING)
    long busyCycles();
}
