function Set-OrcNotificationSetting {
    <#
    .SYNOPSIS
        Configures how this host sends Orchestrator notifications: SMTP server, sender, recipients, timeout, webhook.
    .DESCRIPTION
        Set-OrcNotificationSetting runs 'orc-exec notify set'. Only the settings you pass change.
        Secrets never go on a command line: the SMTP password (from -Credential) and the webhook
        URL (-WebhookUrl, a SecureString because it carries a token) are written to orc-exec's
        standard input. orc-exec stores them encrypted with DPAPI (machine scope by default, so
        SYSTEM and service accounts can use them; -SecretScope User ties them to your account).
        The password never appears in the settings file, a log, a result or Get-OrcNotificationSetting.
        Test the settings with Send-OrcTestMail.
    .PARAMETER SmtpServer
        The mail server's host name.
    .PARAMETER Port
        Its port (default 587; 465 with -Tls Implicit; 25 with -Tls None).
    .PARAMETER Tls
        StartTls (default, required), StartTlsOpportunistic, Implicit (TLS from the first byte) or None.
    .PARAMETER Authentication
        Plain, Login, CramMD5 or None (default Plain when a credential is given).
    .PARAMETER Credential
        The SMTP user name and password.
    .PARAMETER From
        The sender address.
    .PARAMETER To
        The default recipients (a task's notify.to overrides them).
    .PARAMETER Timeout
        The bound on each delivery, connect and every command included (default 10 seconds). A
        dead mail server can never hold a run longer than this. '30s', '00:00:30' or a [timespan].
    .PARAMETER WebhookUrl
        The incoming-webhook URL (Teams, Slack or generic) that tasks with notify.webhook post to.
    .PARAMETER CaFile
        A PEM file of certificates to trust for the mail server (an internal CA or a self-signed server).
    .PARAMETER SecretScope
        Machine (default) or User: who can decrypt the stored secrets (Windows DPAPI).
    .PARAMETER ClearPassword
        Forget the stored SMTP password.
    .PARAMETER ClearWebhook
        Forget the stored webhook URL.
    .EXAMPLE
        Set-OrcNotificationSetting -SmtpServer mail.example.com -Port 587 -Credential (Get-Credential orc@example.com) -From orc@example.com -To ops@example.com, dba@example.com

        Configures STARTTLS mail with AUTH PLAIN, then Send-OrcTestMail checks it.
    .EXAMPLE
        Set-OrcNotificationSetting -WebhookUrl (Read-Host -AsSecureString 'Webhook URL')

        Stores the Teams or Slack webhook URL without it ever showing on screen or in a command line.
    .INPUTS
        None. This cmdlet does not take pipeline input.
    .OUTPUTS
        Orchestrator.NotificationSetting
    .LINK
        Get-OrcNotificationSetting
    .LINK
        Send-OrcTestMail
    #>
    [CmdletBinding(SupportsShouldProcess)]
    [OutputType('Orchestrator.NotificationSetting')]
    param(
        [ValidateNotNullOrEmpty()]
        [string] $SmtpServer,

        [ValidateRange(1, 65535)]
        [int] $Port,

        [ValidateSet('StartTls', 'StartTlsOpportunistic', 'Implicit', 'None')]
        [string] $Tls,

        [ValidateSet('Plain', 'Login', 'CramMD5', 'None')]
        [string] $Authentication,

        [System.Management.Automation.PSCredential]
        [System.Management.Automation.Credential()]
        $Credential = [System.Management.Automation.PSCredential]::Empty,

        [ValidateNotNullOrEmpty()]
        [string] $From,

        [ValidateNotNullOrEmpty()]
        [string[]] $To,

        [ValidateScript({ $_ -ge [timespan]::FromMilliseconds(100) -and $_ -le [timespan]::FromMinutes(5) })]
        [object] $Timeout,

        [System.Security.SecureString] $WebhookUrl,

        [ValidateNotNullOrEmpty()]
        [string] $CaFile,

        [ValidateSet('Machine', 'User')]
        [string] $SecretScope,

        [switch] $ClearPassword,

        [switch] $ClearWebhook
    )

    $arguments = New-Object -TypeName System.Collections.Generic.List[string]
    $arguments.AddRange([string[]]@('notify', 'set'))
    if ($PSBoundParameters.ContainsKey('SmtpServer')) { $arguments.AddRange([string[]]@('--smtp-host', $SmtpServer)) }
    if ($PSBoundParameters.ContainsKey('Port')) { $arguments.AddRange([string[]]@('--smtp-port', [string]$Port)) }
    if ($PSBoundParameters.ContainsKey('Tls')) {
        $mode = @{ StartTls = 'starttls'; StartTlsOpportunistic = 'starttls-opportunistic'; Implicit = 'implicit'; None = 'none' }[$Tls]
        $arguments.AddRange([string[]]@('--tls', $mode))
    }
    if ($PSBoundParameters.ContainsKey('Authentication')) {
        $auth = @{ Plain = 'plain'; Login = 'login'; CramMD5 = 'cram-md5'; None = 'none' }[$Authentication]
        $arguments.AddRange([string[]]@('--auth', $auth))
    }
    if ($PSBoundParameters.ContainsKey('From')) { $arguments.AddRange([string[]]@('--from', $From)) }
    if ($PSBoundParameters.ContainsKey('To')) { $arguments.AddRange([string[]]@('--to', ($To -join ','))) }
    if ($PSBoundParameters.ContainsKey('Timeout')) {
        try { $span = ConvertTo-OrcTimeSpan -Value $Timeout -ParameterName Timeout } catch { $PSCmdlet.ThrowTerminatingError($_) }
        $arguments.AddRange([string[]]@('--timeout', (ConvertTo-OrcDuration $span)))
    }
    if ($PSBoundParameters.ContainsKey('CaFile')) { $arguments.AddRange([string[]]@('--ca-file', (Resolve-Path -LiteralPath $CaFile -ErrorAction Stop).ProviderPath)) }
    if ($PSBoundParameters.ContainsKey('SecretScope')) { $arguments.AddRange([string[]]@('--secret-scope', $SecretScope.ToLowerInvariant())) }
    if ($ClearPassword) { $arguments.Add('--clear-password') }
    if ($ClearWebhook) { $arguments.Add('--clear-webhook') }

    # Secrets go on stdin, one per line: the password first, then the webhook URL.
    $stdin = New-Object -TypeName System.Collections.Generic.List[string]
    if ($Credential -ne [System.Management.Automation.PSCredential]::Empty) {
        $arguments.AddRange([string[]]@('--username', $Credential.UserName))
        $password = $Credential.GetNetworkCredential().Password
        if ($password) {
            $arguments.Add('--password-stdin')
            $stdin.Add($password)
        }
    }
    if ($PSBoundParameters.ContainsKey('WebhookUrl')) {
        $arguments.Add('--webhook-url-stdin')
        $stdin.Add((New-Object -TypeName System.Net.NetworkCredential -ArgumentList '', $WebhookUrl).Password)
    }

    if (-not $PSCmdlet.ShouldProcess((Get-OrcStoreHome), 'Set the notification settings')) {
        return
    }
    if ($stdin.Count -gt 0) {
        $result = Invoke-OrcExec -ArgumentList $arguments.ToArray() -InputObject (($stdin.ToArray() -join "`n") + "`n")
    }
    else {
        $result = Invoke-OrcExec -ArgumentList $arguments.ToArray()
    }
    $stdin.Clear()
    if ($result.ExitCode -ne 0) {
        $PSCmdlet.WriteError((ConvertTo-OrcErrorRecord -Result $result -TargetObject 'notify'))
        return
    }
    foreach ($record in @($result.Records)) {
        if ($record.schema -eq 'orc.notify-settings/v1') {
            ConvertTo-OrcOutputObject -Record $record -TypeName NotificationSetting
        }
    }
}
