package profcon.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** What a graph node stands for (pprof's NodeInfo): nodes with equal info are merged. */
public final class NodeInfo {
    final String name;
    final String origName;
    final long address;
    final String file;
    final int startLine;
    final int lineno;
    final String objfile;
    private final int hash;
    private String printable;

    public NodeInfo(String name, String origName, long address, String file, int startLine, int lineno,
                    String objfile) {
        this.name = name;
        this.origName = origName;
        this.address = address;
        this.file = file;
        this.startLine = startLine;
        this.lineno = lineno;
        this.objfile = objfile;
        this.hash = Objects.hash(name, origName, address, file, startLine, lineno, objfile);
    }

    public String name() {
        return name;
    }

    public String file() {
        return file;
    }

    public int lineno() {
        return lineno;
    }

    public int startLine() {
        return startLine;
    }

    public long address() {
        return address;
    }

    /** The name pprof prints: address, function, file:line, or the binary when nothing else is known. */
    public String printableName() {
        if (printable == null) {
            printable = String.join(" ", nameComponents());
        }
        return printable;
    }

    private List<String> nameComponents() {
        List<String> parts = new ArrayList<>(3);
        if (address != 0) {
            parts.add(String.format("%016x", address));
        }
        if (!name.isEmpty()) {
            parts.add(name);
        }
        if (lineno != 0) {
            parts.add(file + ":" + lineno);
        } else if (!file.isEmpty()) {
            parts.add(file);
        } else if (name.isEmpty()) {
            parts.add(objfile.isEmpty() ? "<unknown>" : "[" + objfile + "]");
        }
        return parts;
    }

    /** Go's fmt.Sprint of the struct; pprof's last tie-breaker when sorting nodes. */
    String goString() {
        return "{" + name + " " + origName + " " + Long.toUnsignedString(address) + " " + file + " "
                + startLine + " " + lineno + " 0 " + objfile + "}";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NodeInfo n && hash == n.hash && address == n.address && startLine == n.startLine
                && lineno == n.lineno && name.equals(n.name) && origName.equals(n.origName)
                && file.equals(n.file) && objfile.equals(n.objfile);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return printableName();
    }
}
