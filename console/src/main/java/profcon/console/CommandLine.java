package profcon.console;

import java.util.ArrayList;
import java.util.List;
import profcon.report.Reports;

/**
 * One typed line, split into words: quotes group words, {@code #} at the start of a word begins
 * a comment, and a final {@code >FILE} (or {@code > FILE}) sends the output to a file.
 */
public record CommandLine(List<String> words, String redirect) {
    public static CommandLine parse(String line) throws CommandException {
        List<String> words = tokenize(line);
        String redirect = null;
        int last = words.size() - 1;
        if (last >= 0 && words.get(last).startsWith(">")) {
            redirect = words.remove(last).substring(1);
            if (redirect.isEmpty()) {
                throw new CommandException("'>' needs a file name right after it (top10 >out.txt)");
            }
        } else if (last >= 1 && words.get(last - 1).equals(">")) {
            redirect = words.remove(last);
            words.remove(last - 1);
        }
        return new CommandLine(List.copyOf(words), redirect);
    }

    public boolean isEmpty() {
        return words.isEmpty();
    }

    public String name() {
        return words.get(0);
    }

    public List<String> args() {
        return words.subList(1, words.size());
    }

    /** {@code top10 -cum} as {@code top}, {@code [10, -cum]}: pprof's abbreviation, resolved in this one place. */
    public CommandLine splitTailDigits() {
        List<String> split = new ArrayList<>(Reports.splitTailDigits(name()));
        if (split.size() == 1) {
            return this;
        }
        split.addAll(args());
        return new CommandLine(split, redirect);
    }

    static List<String> tokenize(String line) throws CommandException {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                word = word == null ? new StringBuilder() : word;
            } else if (Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else if (c == '#' && word == null) {
                break;
            } else {
                word = word == null ? new StringBuilder() : word;
                word.append(c);
            }
        }
        if (quote != 0) {
            throw new CommandException("unterminated " + quote + " quote");
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }
}
