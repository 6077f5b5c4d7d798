function Send-OrcTestMail {
    <#
    .SYNOPSIS
        Sends a test mail now with this host's notification settings.
    .DESCRIPTION
        Send-OrcTestMail runs 'orc-exec notify test': it connects to the configured mail server,
        authenticates and sends a short test mail, then reports the server's verdict. A failure
        is an error with the server's answer (the password is never part of it). Nothing is
        queued: a test that fails has failed.
    .PARAMETER To
        Send to these addresses instead of the configured recipients.
    .PARAMETER Webhook
        Also post a test message to the configured webhook.
    .EXAMPLE
        Send-OrcTestMail -To me@example.com

        Checks the settings by mailing yourself.
    .INPUTS
        None. This cmdlet does not take pipeline input.
    .OUTPUTS
        Orchestrator.NotificationTest
    .LINK
        Set-OrcNotificationSetting
    #>
    [CmdletBinding()]
    [OutputType('Orchestrator.NotificationTest')]
    param(
        [ValidateNotNullOrEmpty()]
        [string[]] $To,

        [switch] $Webhook
    )

    $arguments = @('notify', 'test')
    if ($PSBoundParameters.ContainsKey('To')) { $arguments += @('--to', ($To -join ',')) }
    if ($Webhook) { $arguments += '--webhook' }
    $result = Invoke-OrcExec -ArgumentList $arguments
    if ($result.ExitCode -ne 0) {
        $PSCmdlet.WriteError((ConvertTo-OrcErrorRecord -Result $result -TargetObject 'notify'))
        return
    }
    foreach ($record in @($result.Records)) {
        if ($record.schema -eq 'orc.notify-test/v1') {
            ConvertTo-OrcOutputObject -Record $record -TypeName NotificationTest
        }
    }
}
