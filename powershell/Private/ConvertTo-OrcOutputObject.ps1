function ConvertTo-OrcOutputObject {
    <#
    .SYNOPSIS
        Turns one orc-exec record (camelCase JSON) into the module's PascalCase object with a type name.
    .DESCRIPTION
        Notification and report cmdlets return Orchestrator.NotificationSetting,
        Orchestrator.NotificationTest and Orchestrator.ReportEntry objects with PowerShell-style
        property names and format views, not orc-exec's raw records. The record is kept in Record.
        Times become local DateTime; durations in milliseconds become TimeSpan.
    .PARAMETER Record
        The record as Invoke-OrcExec returned it.
    .PARAMETER TypeName
        NotificationSetting, NotificationTest or ReportEntry.
    .EXAMPLE
        ConvertTo-OrcOutputObject -Record $record -TypeName ReportEntry
    .OUTPUTS
        Orchestrator.NotificationSetting, Orchestrator.NotificationTest or Orchestrator.ReportEntry
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory)]
        [object] $Record,

        [Parameter(Mandatory)]
        [ValidateSet('NotificationSetting', 'NotificationTest', 'ReportEntry')]
        [string] $TypeName
    )

    function Get-Value([object] $From, [string[]] $Path) {
        foreach ($step in $Path) {
            if ($null -eq $From) { return $null }
            $property = $From.PSObject.Properties[$step]
            if (-not $property) { return $null }
            $From = $property.Value
        }
        return $From
    }
    $maps = @{
        NotificationSetting = [ordered]@{
            Configured = 'configured'; SmtpServer = 'smtp.host'; Port = 'smtp.port'; Tls = 'smtp.tls'; Authentication = 'smtp.auth'
            UserName = 'smtp.username'; CaFile = 'smtp.caFile'; From = 'from'; To = 'to'; Timeout = 'timeout'; SecretScope = 'secretScope'
            AttachMax = 'attachMax'; PasswordSet = 'passwordSet'; PasswordSource = 'passwordSource'; WebhookSet = 'webhookSet'
            WebhookSource = 'webhookSource'; OutboxPending = 'outboxPending'; OpenIncidents = 'openIncidents'; SecretError = 'secretError'
        }
        NotificationTest    = [ordered]@{ Sent = 'sent'; To = 'to'; MessageId = 'messageId'; Error = 'error' }
        ReportEntry         = [ordered]@{
            Task = 'task'; Defined = 'defined'; Enabled = 'enabled'; Runs = 'runs'; Successes = 'successes'; Failures = 'failures'
            Skips = 'skips'; Other = 'other'; Running = 'running'; LastStatus = 'lastStatus'; LastRun = 'lastRun'; NextRun = 'nextRun'
            SlowestRunId = 'slowest.runId'; SlowestDuration = 'slowest.durationMs'; Error = 'error'
        }
    }
    $out = [ordered]@{ PSTypeName = "Orchestrator.$TypeName" }
    foreach ($entry in $maps[$TypeName].GetEnumerator()) {
        $value = Get-Value $Record ($entry.Value -split '\.')
        if ($entry.Key -in 'LastRun', 'NextRun' -and $null -ne $value) { $value = ConvertTo-OrcDateTime $value }
        if ($entry.Key -eq 'SlowestDuration' -and $null -ne $value) { $value = [timespan]::FromMilliseconds([double]$value) }
        if ($entry.Key -in 'To', 'OpenIncidents') { $value = @($value | Where-Object { $null -ne $_ }) }
        $out[$entry.Key] = $value
    }
    $out['Record'] = $Record
    [pscustomobject]$out
}
