package org.hainstall.core.remote;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A shell that counts what it sends: every command, script and upload is one remote round trip (one SSH exec), and
 * the time spent waiting for them adds up. A run reports these per node, so an administrator sees where a slow
 * run's time went. Only numbers are kept, never a command line (a line may carry a secret).
 */
public final class CountingShell implements Shell {

    /** How many remote commands a shell ran and how long they took together (overlapping ones count twice). */
    public record Tally(long commands, Duration time) { }

    private final Shell delegate;
    private final AtomicLong commands = new AtomicLong();
    private final AtomicLong nanos = new AtomicLong();

    public CountingShell(Shell delegate) {
        this.delegate = delegate;
    }

    public Tally tally() {
        return new Tally(commands.get(), Duration.ofNanos(nanos.get()));
    }

    @Override
    public String nodeName() {
        return delegate.nodeName();
    }

    @Override
    public CommandResult run(Command command, Duration timeout, OutputListener output) throws RemoteException {
        long start = System.nanoTime();
        try {
            return delegate.run(command, timeout, output);
        } finally {
            counted(start);
        }
    }

    @Override
    public CommandResult runScript(String script, List<String> args, Duration timeout,
                                   OutputListener output) throws RemoteException {
        long start = System.nanoTime();
        try {
            return delegate.runScript(script, args, timeout, output);
        } finally {
            counted(start);
        }
    }

    @Override
    public void upload(byte[] content, String remotePath, int mode) throws RemoteException {
        long start = System.nanoTime();
        try {
            delegate.upload(content, remotePath, mode);
        } finally {
            counted(start);
        }
    }

    @Override
    public void upload(Path localFile, String remotePath, int mode) throws RemoteException {
        long start = System.nanoTime();
        try {
            delegate.upload(localFile, remotePath, mode);
        } finally {
            counted(start);
        }
    }

    // A command that failed or timed out still went to the node and cost its time.
    private void counted(long start) {
        nanos.addAndGet(System.nanoTime() - start);
        commands.incrementAndGet();
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public String toString() {
        return delegate.toString();
    }
}
