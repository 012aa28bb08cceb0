package io.postyard.smtp;

import javax.inject.Inject;

import org.apache.james.core.MaybeSender;
import org.apache.james.protocols.smtp.SMTPRetCode;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.dsn.DSNStatus;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.HookReturnCode;
import org.apache.james.protocols.smtp.hook.MailHook;

import io.postyard.core.storage.DiskSpace;

/**
 * Answers {@code MAIL FROM} with 452 4.3.1 while the data directory's disk is nearly full ({@link DiskSpace}), as
 * Postfix does below its {@code queue_minfree}: the sender keeps the message and tries again later, instead of the
 * server accepting mail it may not be able to write.
 */
public class RefuseMailWhenDiskLow implements MailHook {
    private final DiskSpace diskSpace;

    @Inject
    public RefuseMailWhenDiskLow(DiskSpace diskSpace) {
        this.diskSpace = diskSpace;
    }

    @Override
    public HookResult doMail(SMTPSession session, MaybeSender sender) {
        if (diskSpace.isLow()) {
            return HookResult.builder()
                .hookReturnCode(HookReturnCode.denySoft())
                .smtpReturnCode(SMTPRetCode.SYSTEM_STORAGE_ERROR)
                .smtpDescription(DSNStatus.getStatus(DSNStatus.TRANSIENT, DSNStatus.SYSTEM_FULL) + " Insufficient system storage")
                .build();
        }
        return HookResult.DECLINED;
    }
}
