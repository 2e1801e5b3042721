package dev.slopipeline.router.routing.route;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Which labels split the alerts of a route into notification groups. */
public sealed interface GroupBy permits GroupBy.AllLabels, GroupBy.Labels {

    /** {@code group_by: ['...']}: every distinct label set is its own group. */
    static GroupBy allLabels() {
        return new AllLabels();
    }

    /** {@code group_by: [a, b]}; an empty list puts every alert of the route in one group. */
    static GroupBy labels(List<String> names) {
        return new Labels(names);
    }

    /** The grouping labels the alert has, sorted by name; a label it does not have is left out. */
    SortedMap<String, String> select(Map<String, String> labels);

    record AllLabels() implements GroupBy {

        @Override
        public SortedMap<String, String> select(Map<String, String> labels) {
            return new TreeMap<>(labels);
        }

        @Override
        public String toString() {
            return "[...]";
        }
    }

    record Labels(List<String> names) implements GroupBy {

        public Labels {
            names = List.copyOf(names);
        }

        @Override
        public SortedMap<String, String> select(Map<String, String> labels) {
            SortedMap<String, String> selected = new TreeMap<>();
            for (String name : names) {
                String value = labels.get(name);
                if (value != null) {
                    selected.put(name, value);
                }
            }
            return selected;
        }

        @Override
        public String toString() {
            return names.toString();
        }
    }
}
