package io.postyard.mailgun.list;

class MemoryMailingListStoreTest extends MailingListStoreContract {
    private final MailingListStore store = new MemoryMailingListStore();

    @Override
    protected MailingListStore store() {
        return store;
    }
}
