package io.postyard.mailgun.template;

class MemoryTemplateStoreTest extends TemplateStoreContract {
    private final MemoryTemplateStore store = new MemoryTemplateStore();

    @Override
    protected TemplateStore store() {
        return store;
    }
}
