package cn.changning.governance.contracts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdsTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "req-42", "2f1c.9:ab_C-7", "0123456789"})
    void saneIdsAreTakenAsTheyAre(String id) {
        assertThat(RequestIds.isSane(id)).isTrue();
        assertThat(RequestIds.acceptOrCreate(id)).isEqualTo(id);
    }

    @Test
    void aHundredCharactersAreTheMost() {
        String hundred = "x".repeat(100);
        assertThat(RequestIds.isSane(hundred)).isTrue();
        assertThat(RequestIds.isSane(hundred + "x")).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"has space", "semi;colon", "new\nline", "quote\"", "slash/", "ünïcode", "<script>", "a,b"})
    void anythingElseIsReplacedByANewUuid(String offered) {
        assertThat(RequestIds.isSane(offered)).isFalse();
        String id = RequestIds.acceptOrCreate(offered);
        assertThat(id).isNotEqualTo(offered);
        assertThat(UUID.fromString(id).toString()).isEqualTo(id);
        assertThat(RequestIds.isSane(id)).as("a new id passes the rule itself").isTrue();
    }

    @Test
    void twoNewIdsDiffer() {
        assertThat(RequestIds.acceptOrCreate(null)).isNotEqualTo(RequestIds.acceptOrCreate(null));
    }
}
