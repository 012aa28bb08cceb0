package io.postyard.opensrs;

import java.util.Map;

/** Methods about one kind of object, by name. */
public interface OmaMethodGroup {
    Map<String, OmaMethod> methods();
}
