package profcon.agent.boot;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The class loaders of the builds a target ran last, at most a fixed number, the least recently
 * run dropped first; a dropped loader is referenced by nothing, so its classes unload at the next GC.
 */
final class RecentBuilds<K, V> extends LinkedHashMap<K, V> {
    private final int kept;

    RecentBuilds(int kept) {
        super(4, 0.75f, true); // access order: a build run again becomes the most recent
        this.kept = kept;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > kept;
    }
}
