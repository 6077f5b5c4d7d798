function Get-OrcNotificationSetting {
    <#
    .SYNOPSIS
        Gets this host's Orchestrator notification settings, without any secret.
    .DESCRIPTION
        Get-OrcNotificationSetting runs 'orc-exec notify show': the SMTP server, TLS mode,
        authentication, user name, sender, recipients and timeout; whether a password and a
        webhook URL are set (and whether they come from the store or the ORC_SMTP_PASSWORD /
        ORC_WEBHOOK_URL environment variables), never their values; how many notifications wait
        in the outbox and which tasks have an open incident.
    .EXAMPLE
        Get-OrcNotificationSetting

        Shows the settings.
    .EXAMPLE
        (Get-OrcNotificationSetting).outboxPending

        Shows how many notifications wait for the mail server.
    .INPUTS
        None. This cmdlet does not take pipeline input.
    .OUTPUTS
        Orchestrator.NotificationSetting
    .LINK
        Set-OrcNotificationSetting
    #>
    [CmdletBinding()]
    [OutputType('Orchestrator.NotificationSetting')]
    param()

    $result = Invoke-OrcExec -ArgumentList @('notify', 'show')
    foreach ($record in @($result.Records)) {
        if ($record.schema -eq 'orc.notify-settings/v1') {
            ConvertTo-OrcOutputObject -Record $record -TypeName NotificationSetting
        }
    }
    if ($result.ExitCode -ne 0) {
        $PSCmdlet.WriteError((ConvertTo-OrcErrorRecord -Result $result -TargetObject 'notify'))
    }
}
