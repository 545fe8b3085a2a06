package io.agentbus.orchestrator.plan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the task's own words say: a file count ("25 files"), the subtasks (list items, else
 * sentences and steps, each split on its enumeration: "a REST API with auth, users and orders"
 * gives three), the sequence markers ("then", "finally", …) that make the dependency depth, and
 * the words that raise complexity.
 */
final class TaskText {
    static final int MAX_SUBTASKS = 50;
    private static final Pattern FILES = Pattern.compile("(?i)\\b(\\d{1,6})\\s*(?:source\\s+|code\\s+)?files?\\b");
    private static final Pattern PAREN_FILES =
            Pattern.compile("(?i)\\s*\\(\\s*(?:~|about\\s+)?\\d{1,6}\\s*(?:source\\s+|code\\s+)?files?\\s*\\)");
    private static final Pattern LIST_ITEM = Pattern.compile("^\\s*(?:[-*•]|\\d{1,3}[.)])\\s+(.+)$");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?;])\\s+|\\n+");
    private static final Pattern THEN = Pattern.compile(
            "(?i)\\s*[,;]?\\s*\\b(?:and\\s+)?(?:then|afterwards|after\\s+that|finally)\\b\\s*,?\\s*");
    private static final Pattern PIVOT = Pattern.compile("(?i)^(.+?)(?:\\s+with\\s+|\\s+including\\s+|\\s*:\\s+)(.+)$");
    private static final Pattern ITEM_SEP = Pattern.compile("(?i)\\s*,\\s*(?:and\\s+|or\\s+)?|\\s+(?:and|or)\\s+");
    private static final Pattern WORD = Pattern.compile("[a-z][a-z-]*");

    private final Integer fileCount;
    private final List<String> subtasks;
    private final int sequenceMarkers;
    private final Set<String> words;

    private TaskText(Integer fileCount, List<String> subtasks, int sequenceMarkers, Set<String> words) {
        this.fileCount = fileCount;
        this.subtasks = subtasks;
        this.sequenceMarkers = sequenceMarkers;
        this.words = words;
    }

    static TaskText parse(String task) {
        Matcher files = FILES.matcher(task);
        Integer fileCount = files.find() ? Integer.valueOf(files.group(1)) : null;
        String text = PAREN_FILES.matcher(task).replaceAll("").strip();
        int markers = count(THEN, text);
        List<String> subtasks = listItems(text);
        if (subtasks.size() < 2) {
            subtasks = sentenceSteps(text);
        }
        if (subtasks.isEmpty()) {
            subtasks = List.of(clean(text));
        }
        if (subtasks.size() > MAX_SUBTASKS) {
            subtasks = subtasks.subList(0, MAX_SUBTASKS);
        }
        return new TaskText(fileCount, List.copyOf(subtasks), markers, words(text));
    }

    /** The number of files the text names, or {@code null}. */
    Integer fileCount() {
        return fileCount;
    }

    List<String> subtasks() {
        return subtasks;
    }

    /** 1 plus the sequence markers, at most one per subtask. */
    int depth() {
        return Math.max(1, Math.min(subtasks.size(), 1 + sequenceMarkers));
    }

    /** How many distinct words of the text are in {@code keywords}. */
    int keywordHits(List<String> keywords) {
        int hits = 0;
        for (String k : new HashSet<>(keywords)) {
            if (words.contains(k.toLowerCase(Locale.ROOT))) {
                hits++;
            }
        }
        return hits;
    }

    private static List<String> listItems(String text) {
        List<String> items = new ArrayList<>();
        for (String line : text.split("\\R")) {
            Matcher m = LIST_ITEM.matcher(line);
            if (m.matches()) {
                items.add(clean(m.group(1)));
            }
        }
        return items;
    }

    private static List<String> sentenceSteps(String text) {
        List<String> out = new ArrayList<>();
        for (String sentence : SENTENCE_END.split(text)) {
            for (String step : THEN.split(sentence)) {
                String s = clean(step);
                if (!s.isEmpty()) {
                    out.addAll(enumeration(s));
                }
            }
        }
        return out;
    }

    /** "Build X with a, b and c" → "Build X: a", "Build X: b", "Build X: c"; "a, b and c" → a, b, c. */
    private static List<String> enumeration(String step) {
        Matcher pivot = PIVOT.matcher(step);
        if (pivot.matches()) {
            List<String> items = split(pivot.group(2));
            if (items.size() >= 2) {
                String head = clean(pivot.group(1));
                return items.stream().map(item -> head + ": " + item).toList();
            }
        }
        if (step.contains(",")) {
            List<String> items = split(step);
            if (items.size() >= 2) {
                return items;
            }
        }
        return List.of(step);
    }

    private static List<String> split(String list) {
        List<String> items = new ArrayList<>();
        for (String item : ITEM_SEP.split(list)) {
            String s = clean(item);
            if (!s.isEmpty()) {
                items.add(s);
            }
        }
        return items;
    }

    private static String clean(String s) {
        return s.strip().replaceAll("^[,;:]+|[.!?;:,]+$", "").strip();
    }

    private static int count(Pattern p, String text) {
        Matcher m = p.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static Set<String> words(String text) {
        Set<String> out = new HashSet<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }
}
