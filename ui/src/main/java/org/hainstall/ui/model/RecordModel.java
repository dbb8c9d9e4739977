package org.hainstall.ui.model;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.hainstall.core.config.ConfigChoice;
import org.hainstall.core.config.Problem;
import org.hainstall.core.config.ProblemCode;

/**
 * An editable, observable mirror of one config record: one JavaFX property per record component, nested
 * records as child models and lists of records as observable lists of child models. Built by reflection
 * over the record's components, so the wizard follows the core's records without a hand-written copy of each.
 *
 * <p>Text stands in for strings, integers, the words of core's closed sets ({@link ConfigChoice}) and lists of
 * strings (comma separated), so a half-typed value never has to be thrown away. {@link #toRecord()} turns blanks into {@code null} and a nested section whose values
 * are all missing into a missing section, as the YAML loader reads an absent key.
 */
public final class RecordModel {
    enum Kind { STRING, INTEGER, CHOICE, BOOLEAN, STRING_LIST, RECORD, RECORD_LIST }

    private record Slot(Kind kind, Class<?> elementType, Object value) { }

    private final Class<? extends Record> type;
    private final Map<String, Slot> slots = new LinkedHashMap<>();
    private final Runnable onChange;
    private RecordModel parent;
    private String nameInParent;

    private RecordModel(Class<? extends Record> type, Runnable onChange) {
        this.type = type;
        this.onChange = onChange;
        for (RecordComponent c : type.getRecordComponents()) {
            slots.put(c.getName(), newSlot(c));
        }
    }

    /** An empty model of {@code type}; {@code onChange} runs after every edit anywhere below it. */
    public static RecordModel empty(Class<? extends Record> type, Runnable onChange) {
        return new RecordModel(type, onChange);
    }

    public Class<? extends Record> type() {
        return type;
    }

    public StringProperty text(String name) {
        Slot slot = slot(name);
        if (slot.kind == Kind.BOOLEAN || slot.kind == Kind.RECORD || slot.kind == Kind.RECORD_LIST) {
            throw new IllegalArgumentException(type.getSimpleName() + "." + name + " is not a text value");
        }
        return (StringProperty) slot.value;
    }

    @SuppressWarnings("unchecked")
    public ObjectProperty<Boolean> flag(String name) {
        return (ObjectProperty<Boolean>) slotOf(name, Kind.BOOLEAN).value;
    }

    public RecordModel child(String name) {
        return (RecordModel) slotOf(name, Kind.RECORD).value;
    }

    @SuppressWarnings("unchecked")
    public ObservableList<RecordModel> list(String name) {
        return (ObservableList<RecordModel>) slotOf(name, Kind.RECORD_LIST).value;
    }

    /** Appends an empty element to the list {@code name} and returns it. */
    public RecordModel add(String name) {
        RecordModel element = newChild(slotOf(name, Kind.RECORD_LIST).elementType, name);
        list(name).add(element);
        return element;
    }

    /** The config path of this record, in the syntax of {@code --set} and {@link Problem#path()}: {@code nodes[1]}. */
    public String path() {
        if (parent == null) {
            return "";
        }
        String here = nameInParent;
        Slot slot = parent.slots.get(nameInParent);
        if (slot.kind == Kind.RECORD_LIST) {
            here = nameInParent + "[" + parent.list(nameInParent).indexOf(this) + "]";
        }
        String up = parent.path();
        return up.isEmpty() ? here : up + "." + here;
    }

    /** The config path of component {@code name} of this record. */
    public String pathOf(String name) {
        slot(name);
        String here = path();
        return here.isEmpty() ? name : here + "." + name;
    }

    /** Replaces every value with the record's ({@code null} empties the model). */
    public void load(Record value) {
        if (value != null && value.getClass() != type) {
            throw new IllegalArgumentException("expected " + type.getSimpleName() + ", got " + value.getClass());
        }
        for (RecordComponent c : type.getRecordComponents()) {
            Object v = value == null ? null : read(c, value);
            Slot slot = slots.get(c.getName());
            switch (slot.kind) {
                case STRING, INTEGER -> ((StringProperty) slot.value).set(v == null ? "" : v.toString());
                case CHOICE -> ((StringProperty) slot.value).set(v == null ? "" : ((ConfigChoice) v).configValue());
                case STRING_LIST -> ((StringProperty) slot.value).set(v == null ? "" : String.join(", ", asStrings(v)));
                case BOOLEAN -> flag(c.getName()).set((Boolean) v);
                case RECORD -> child(c.getName()).load((Record) v);
                case RECORD_LIST -> {
                    List<RecordModel> elements = new ArrayList<>();
                    if (v != null) {
                        for (Object e : (List<?>) v) {
                            RecordModel m = newChild(slot.elementType, c.getName());
                            m.load((Record) e);
                            elements.add(m);
                        }
                    }
                    list(c.getName()).setAll(elements);
                }
                default -> throw new IllegalStateException();
            }
        }
    }

    /** The record these values describe; a nested section with nothing in it is {@code null}. */
    public Record toRecord() {
        return build(parent == null || isListElement(), 0);
    }

    /**
     * The record with each of its own sections present even when empty (a section with nothing in it has every
     * value missing). Checking this names each missing value ("cluster.name is required") where the file's form
     * would only say the whole section is missing; both have errors exactly when the other has.
     */
    public Record toRecordWithSections() {
        return build(true, 1);
    }

    /**
     * Values that cannot even be put into the record (a number that does not parse, a word outside its closed set),
     * with their paths.
     */
    public List<Problem> representationProblems() {
        List<Problem> problems = new ArrayList<>();
        collectRepresentationProblems(problems);
        return problems;
    }

    private void collectRepresentationProblems(List<Problem> problems) {
        for (Map.Entry<String, Slot> e : slots.entrySet()) {
            Slot slot = e.getValue();
            if (slot.kind == Kind.INTEGER) {
                String text = ((StringProperty) slot.value).get().strip();
                if (!text.isEmpty() && parseInt(text) == null) {
                    problems.add(Problem.error(pathOf(e.getKey()), ProblemCode.NOT_A_NUMBER,
                            "\"" + text + "\" is not a whole number."));
                }
            } else if (slot.kind == Kind.CHOICE) {
                String text = ((StringProperty) slot.value).get().strip();
                if (!text.isEmpty() && choice(slot, text) == null) {
                    problems.add(ConfigChoice.unknownWord(slot.elementType.asSubclass(ConfigChoice.class),
                            pathOf(e.getKey()), text));
                }
            } else if (slot.kind == Kind.RECORD) {
                child(e.getKey()).collectRepresentationProblems(problems);
            } else if (slot.kind == Kind.RECORD_LIST) {
                for (RecordModel m : list(e.getKey())) {
                    m.collectRepresentationProblems(problems);
                }
            }
        }
    }

    private boolean isListElement() {
        return parent != null && parent.slots.get(nameInParent).kind == Kind.RECORD_LIST;
    }

    private Record build(boolean keepEmpty, int sectionsKept) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] args = new Object[components.length];
        boolean any = false;
        for (int i = 0; i < components.length; i++) {
            String name = components[i].getName();
            Slot slot = slots.get(name);
            Object v = switch (slot.kind) {
                case STRING -> blankToNull(((StringProperty) slot.value).get());
                case INTEGER -> parseInt(((StringProperty) slot.value).get().strip());
                case CHOICE -> choice(slot, ((StringProperty) slot.value).get().strip());
                case STRING_LIST -> splitList(((StringProperty) slot.value).get());
                case BOOLEAN -> flag(name).get();
                case RECORD -> child(name).build(sectionsKept > 0, sectionsKept - 1);
                case RECORD_LIST -> list(name).isEmpty() ? null
                        : list(name).stream().map(m -> m.build(true, 0)).toList();
            };
            args[i] = v;
            any |= v != null;
        }
        if (!any && !keepEmpty) {
            return null;
        }
        try {
            Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            Constructor<? extends Record> ctor = type.getDeclaredConstructor(types);
            return ctor.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getName(), e);
        }
    }

    private Slot newSlot(RecordComponent c) {
        Class<?> t = c.getType();
        if (t == String.class) {
            return new Slot(Kind.STRING, null, watched(new SimpleStringProperty(this, c.getName(), "")));
        }
        if (t == Integer.class) {
            return new Slot(Kind.INTEGER, null, watched(new SimpleStringProperty(this, c.getName(), "")));
        }
        if (t.isEnum() && ConfigChoice.class.isAssignableFrom(t)) {
            return new Slot(Kind.CHOICE, t, watched(new SimpleStringProperty(this, c.getName(), "")));
        }
        if (t == Boolean.class) {
            SimpleObjectProperty<Boolean> p = new SimpleObjectProperty<>(this, c.getName());
            p.addListener((o, a, b) -> onChange.run());
            return new Slot(Kind.BOOLEAN, null, p);
        }
        if (Record.class.isAssignableFrom(t)) {
            return new Slot(Kind.RECORD, t, newChild(t, c.getName()));
        }
        if (t == List.class) {
            Type arg = ((ParameterizedType) c.getGenericType()).getActualTypeArguments()[0];
            if (arg == String.class) {
                return new Slot(Kind.STRING_LIST, String.class,
                        watched(new SimpleStringProperty(this, c.getName(), "")));
            }
            if (arg instanceof Class<?> cls && Record.class.isAssignableFrom(cls)) {
                ObservableList<RecordModel> list = FXCollections.observableArrayList();
                list.addListener((ListChangeListener<RecordModel>) ch -> onChange.run());
                return new Slot(Kind.RECORD_LIST, cls, list);
            }
        }
        throw new IllegalArgumentException("unsupported component " + type.getSimpleName() + "." + c.getName());
    }

    @SuppressWarnings("unchecked")
    private RecordModel newChild(Class<?> t, String name) {
        RecordModel m = new RecordModel((Class<? extends Record>) t, onChange);
        m.parent = this;
        m.nameInParent = name;
        return m;
    }

    private StringProperty watched(StringProperty p) {
        p.addListener((o, a, b) -> onChange.run());
        return p;
    }

    private Slot slot(String name) {
        Slot slot = slots.get(name);
        if (slot == null) {
            throw new IllegalArgumentException(type.getSimpleName() + " has no component " + name);
        }
        return slot;
    }

    private Slot slotOf(String name, Kind kind) {
        Slot slot = slot(name);
        if (slot.kind != kind) {
            throw new IllegalArgumentException(type.getSimpleName() + "." + name + " is " + slot.kind + ", not " + kind);
        }
        return slot;
    }

    private static Object read(RecordComponent c, Record value) {
        try {
            return c.getAccessor().invoke(value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> asStrings(Object v) {
        List<String> out = new ArrayList<>();
        for (Object o : (List<?>) v) {
            out.add(o == null ? "" : o.toString());
        }
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The constant of the slot's enum whose word is {@code word}; null for a blank or unknown word. */
    private static Object choice(Slot slot, String word) {
        return ConfigChoice.parse(slot.elementType.asSubclass(ConfigChoice.class), word).orElse(null);
    }

    private static Integer parseInt(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static List<String> splitList(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return out.isEmpty() ? null : out;
    }
}
