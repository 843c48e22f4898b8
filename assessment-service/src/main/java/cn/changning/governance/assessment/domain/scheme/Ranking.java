package cn.changning.governance.assessment.domain.scheme;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Subjects by total, highest first. Equal totals (to the 2 decimals a total is kept to) share a rank, and each
 * place says with whom: 1, 2, 2, 4 (the next rank skips the places the tie took). Within a tie, subjects are listed
 * by id, so the order is stable.
 */
public record Ranking(List<Place> places) {

    /** One subject's place; {@code tiedWith} the other subjects sharing its rank (empty when none). */
    public record Place(int rank, String subjectId, double total, List<String> tiedWith) {
        public Place {
            tiedWith = List.copyOf(tiedWith);
        }
    }

    public Ranking {
        places = List.copyOf(places);
    }

    /** The ranking of subject id → total. */
    public static Ranking of(Map<String, Double> totals) {
        List<Map.Entry<String, Double>> sorted = new ArrayList<>(totals.entrySet());
        sorted.sort(Comparator.<Map.Entry<String, Double>>comparingDouble(e -> -SchemeWords.round(e.getValue()))
                .thenComparing(Map.Entry::getKey));
        List<Place> places = new ArrayList<>(sorted.size());
        int i = 0;
        while (i < sorted.size()) {
            double total = SchemeWords.round(sorted.get(i).getValue());
            int j = i;
            while (j < sorted.size() && SchemeWords.round(sorted.get(j).getValue()) == total) {
                j++;
            }
            List<String> group = sorted.subList(i, j).stream().map(Map.Entry::getKey).toList();
            for (String id : group) {
                places.add(new Place(i + 1, id, total, group.stream().filter(other -> !other.equals(id)).toList()));
            }
            i = j;
        }
        return new Ranking(places);
    }

    public Optional<Place> place(String subjectId) {
        return places.stream().filter(p -> p.subjectId().equals(subjectId)).findFirst();
    }

    /** Subject id → place, in rank order. */
    Map<String, Place> bySubject() {
        Map<String, Place> map = new LinkedHashMap<>();
        places.forEach(p -> map.put(p.subjectId(), p));
        return map;
    }
}
