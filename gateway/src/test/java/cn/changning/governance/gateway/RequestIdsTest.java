package cn.changning.governance.gateway;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdsTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "req-42", "2f1c.9:ab_C-7", "550e8400-e29b-41d4-a716-446655440000"})
    void saneIdsAreKept(String id) {
        assertThat(RequestIds.acceptOrCreate(id)).isEqualTo(id);
    }

    @Test
    void aHundredCharactersAreTheMost() {
        assertThat(RequestIds.isSane("x".repeat(100))).isTrue();
        assertThat(RequestIds.isSane("x".repeat(101))).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"has space", "semi;colon", "cr\rlf", "quote\"", "slash/", "ünïcode", "a,b", "tab\t"})
    void anythingElseBecomesANewUuid(String offered) {
        String id = RequestIds.acceptOrCreate(offered);
        assertThat(id).isNotEqualTo(offered);
        assertThat(UUID.fromString(id).toString()).isEqualTo(id);
    }
}
