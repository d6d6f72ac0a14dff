package profcon.console;

import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/** What a command's completer sees on Tab: the line so far, the reader, the session and the registry. */
public record CompletionInput(LineReader reader, ParsedLine line, Session session, CommandRegistry registry) {
}
