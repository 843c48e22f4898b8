package cn.changning.governance.common.web;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** page and size of every list: defaults, limits, and a bad value refused naming its parameter. */
class PageQueryTest {

    @Test
    void withoutParametersTheFirstPageOfTwentyIsAskedFor() {
        assertThat(resolve(Map.of())).isEqualTo(new PageQuery(0, 20));
        assertThat(resolve(Map.of("page", "2", "size", "100"))).isEqualTo(new PageQuery(2, 100));
    }

    @Test
    void aBadPageOrSizeIsRefusedNamingTheParameter() {
        assertThatThrownBy(() -> resolve(Map.of("size", "101"))).isInstanceOfSatisfying(InvalidParameterException.class,
                e -> assertThat(e.parameter()).isEqualTo("size"));
        assertThatThrownBy(() -> resolve(Map.of("size", "0"))).isInstanceOfSatisfying(InvalidParameterException.class,
                e -> assertThat(e.parameter()).isEqualTo("size"));
        assertThatThrownBy(() -> resolve(Map.of("page", "-1"))).isInstanceOfSatisfying(InvalidParameterException.class,
                e -> assertThat(e.parameter()).isEqualTo("page"));
        assertThatThrownBy(() -> resolve(Map.of("page", "two"))).isInstanceOfSatisfying(InvalidParameterException.class,
                e -> assertThat(e.parameter()).isEqualTo("page"));
    }

    @Test
    void aListHeldInMemoryIsCutToThePage() {
        List<Integer> all = List.of(1, 2, 3, 4, 5);
        assertThat(Page.of(all, new PageQuery(1, 2))).isEqualTo(new Page<>(List.of(3, 4), 1, 2, 5));
        assertThat(Page.of(all, new PageQuery(2, 2)).items()).containsExactly(5);
        assertThat(Page.of(all, new PageQuery(9, 2))).isEqualTo(new Page<>(List.of(), 9, 2, 5));
    }

    private static PageQuery resolve(Map<String, String> parameters) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        parameters.forEach(request::addParameter);
        return new PageQueryArgumentResolver().resolveArgument(null, null, new ServletWebRequest(request), null);
    }
}
