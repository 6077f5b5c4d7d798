function Send-OrcReport {
    <#
    .SYNOPSIS
        Mails the Orchestrator run report (every task's runs, failures, slowest run, next run) for a period.
    .DESCRIPTION
        Send-OrcReport runs 'orc-exec report --since <period> --send': it summarizes every task's
        runs since then (runs, successes, failures, skips, last status, slowest run, next
        scheduled start) and mails it, as HTML and text, to the configured recipients or to -To.
        It returns the per-task summaries. With -NoSend it only returns them.

        To get the report every day, register a task whose command is orc-exec itself with the
        arguments 'report', '--since', '24h', '--send' (see docs/notifications.md).
    .PARAMETER Since
        The period to report on, back from now (default one day): '24h', '7d', '01:00:00' or a [timespan].
    .PARAMETER To
        Recipients instead of the configured ones.
    .PARAMETER NoSend
        Do not mail the report; only return the summaries.
    .EXAMPLE
        Send-OrcReport

        Mails the report of the last 24 hours to the configured recipients.
    .EXAMPLE
        Send-OrcReport -Since 7d -NoSend | Where-Object Failures -gt 0

        Lists the tasks that failed in the last week.
    .INPUTS
        None. This cmdlet does not take pipeline input.
    .OUTPUTS
        Orchestrator.ReportEntry
    #>
    [CmdletBinding(SupportsShouldProcess)]
    [OutputType('Orchestrator.ReportEntry')]
    param(
        [ValidateScript({ $_ -gt [timespan]::Zero })]
        [object] $Since = (New-TimeSpan -Days 1),

        [ValidateNotNullOrEmpty()]
        [string[]] $To,

        [switch] $NoSend
    )

    try { $span = ConvertTo-OrcTimeSpan -Value $Since -ParameterName Since } catch { $PSCmdlet.ThrowTerminatingError($_) }
    $arguments = @('report', '--since', (ConvertTo-OrcDuration $span))
    $send = -not $NoSend -and $PSCmdlet.ShouldProcess('notification recipients', 'Mail the run report')
    if ($send) {
        $arguments += '--send'
        if ($PSBoundParameters.ContainsKey('To')) { $arguments += @('--to', ($To -join ',')) }
    }
    $result = Invoke-OrcExec -ArgumentList $arguments
    foreach ($record in @($result.Records)) {
        if ($record.schema -eq 'orc.report/v1') {
            ConvertTo-OrcOutputObject -Record $record -TypeName ReportEntry
        }
    }
    if ($result.ExitCode -ne 0) {
        $PSCmdlet.WriteError((ConvertTo-OrcErrorRecord -Result $result -TargetObject 'report'))
    }
}
