package io.postyard.mailgun.route;

class MemoryRouteStoreTest extends RouteStoreContract {
    private final MemoryRouteStore store = new MemoryRouteStore();

    @Override
    protected RouteStore store() {
        return store;
    }
}
