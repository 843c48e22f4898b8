package cn.changning.governance.assessment.domain.scheme;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RankingTest {

    @Test
    void equalTotalsShareARankAndSayWithWhomTheNextRankSkipsThePlacesTaken() {
        Map<String, Double> totals = new LinkedHashMap<>();
        totals.put("d", 80.0);
        totals.put("c", 85.5);
        totals.put("a", 90.0);
        totals.put("b", 85.5);
        totals.put("e", 85.504); // kept to 2 decimals: 85.50, the same total as b and c
        Ranking ranking = Ranking.of(totals);

        assertThat(ranking.places()).containsExactly(
                new Ranking.Place(1, "a", 90.0, List.of()),
                new Ranking.Place(2, "b", 85.5, List.of("c", "e")),
                new Ranking.Place(2, "c", 85.5, List.of("b", "e")),
                new Ranking.Place(2, "e", 85.5, List.of("b", "c")),
                new Ranking.Place(5, "d", 80.0, List.of()));
        assertThat(ranking.place("d")).map(Ranking.Place::rank).contains(5);
    }

    @Test
    void anEmptyRankingIsEmpty() {
        assertThat(Ranking.of(Map.of()).places()).isEmpty();
    }
}
