package org.hainstall.core.plan;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Second line of defence for FAULTS 33: every secret value a run handles (read from {@link SecretsView}, or the
 * content of a secret {@link Action.WriteFile}) is remembered, and replaced by {@value #MASK} in any event text,
 * so a command that echoes a secret cannot leak it into logs, events.jsonl or the UI. It masks secret values, never
 * the ordinary lines of a secret file: an error that quotes a DRBD resource's {@code address} line stays readable.
 */
public final class Redactor {
    public static final String MASK = "***";
    /** Shorter values would mask ordinary words; secrets are generated long. */
    private static final int MIN_LENGTH = 6;
    private static final int MIN_LINE_LENGTH = 12;
    /** A line of encoded key material: base64 (hex included), nothing else on it. */
    private static final java.util.regex.Pattern KEY_MATERIAL = java.util.regex.Pattern.compile("[A-Za-z0-9+/=]+");

    /** Generated secrets are long; the words of ordinary configuration lines are shorter or not of this shape. */
    private static final int GENERATED_VALUE_LENGTH = 16;
    private static final java.util.regex.Pattern GENERATED_VALUE =
            java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9+/=_-]*");

    private final Set<String> secrets = ConcurrentHashMap.newKeySet();

    public void remember(String secret) {
        if (secret == null) {
            return;
        }
        String value = secret.strip();
        if (value.length() >= MIN_LENGTH) {
            secrets.add(value);
        }
        // A private key's base64 lines may appear one at a time in output. Only such lines: the other lines of a
        // secret file are configuration ("address 10.10.0.11:7789;" in a DRBD resource) the admin needs to read,
        // and the secret values inside them (the DRBD secret, the auth key) are remembered on their own, when a
        // step reads them from the secrets folder.
        if (value.indexOf('\n') >= 0) {
            for (String line : value.split("\n")) {
                String l = line.strip();
                if (l.length() >= MIN_LINE_LENGTH && KEY_MATERIAL.matcher(l).matches()) {
                    secrets.add(l);
                }
                // A generated value inside a line ("1 sha1 KEY", shared-secret "KEY";): a long word of letters and
                // digits. Addresses (dots, colons) and paths (a leading slash) are never such words.
                for (String word : l.split("[\\s\"';]+")) {
                    if (word.length() >= GENERATED_VALUE_LENGTH && GENERATED_VALUE.matcher(word).matches()
                            && word.chars().anyMatch(Character::isDigit) && word.chars().anyMatch(Character::isLetter)) {
                        secrets.add(word);
                    }
                }
            }
        }
    }

    public String redact(String text) {
        if (text == null || secrets.isEmpty()) {
            return text;
        }
        String out = text;
        // Longest first, so a secret containing another is masked whole.
        List<String> ordered = secrets.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        for (String secret : ordered) {
            if (out.contains(secret)) {
                out = out.replace(secret, MASK);
            }
        }
        return out;
    }

    public List<String> redact(List<String> texts) {
        return texts.stream().map(this::redact).toList();
    }

    /** A sink that masks every remembered secret before passing an event on. */
    public EventSink wrap(EventSink next) {
        return event -> next.publish(redact(event));
    }

    public Event redact(Event event) {
        if (event instanceof Event.OutputLine e) {
            return new Event.OutputLine(e.at(), e.step(), e.stream(), redact(e.line()));
        } else if (event instanceof Event.ChangePlanned e) {
            return new Event.ChangePlanned(e.at(), e.step(), redact(e.description()), redact(e.actions()));
        } else if (event instanceof Event.StepFinished e) {
            StepFailure f = e.failure();
            return new Event.StepFinished(e.at(), e.step(), e.outcome(), redact(e.summary()), e.took(),
                    f == null ? null : new StepFailure(f.code(), redact(f.cause()), redact(f.remedy())));
        } else if (event instanceof Event.RunFinished e) {
            return new Event.RunFinished(e.at(), e.runId(), e.success(), e.changed(), e.failed(), redact(e.summary()));
        } else if (event instanceof Event.Notice e) {
            return new Event.Notice(e.at(), e.node(), e.level(), redact(e.message()));
        } else if (event instanceof Event.PromptRequested e) {
            Prompt p = e.prompt();
            return new Event.PromptRequested(e.at(), new Prompt(p.id(), p.node(), redact(p.title()),
                    redact(p.message())));
        }
        return event;
    }
}
