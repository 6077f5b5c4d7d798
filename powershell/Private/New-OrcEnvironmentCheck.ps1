function New-OrcEnvironmentCheck {
    <#
    .SYNOPSIS
        Builds one Orchestrator.EnvironmentCheck (Name, Status, Detail, Fix).
    .DESCRIPTION
        Status arrives as orc-exec doctor's lower-case word or the module's own; it leaves as
        Ok, Warn, Fail or Skip so views and Where-Object filters read one spelling.
    .PARAMETER Name
        The check's stable ID, e.g. store.security or scheduler.tasks.
    .PARAMETER Status
        ok, warn, fail or skip (any case).
    .PARAMETER Detail
        What was found.
    .PARAMETER Fix
        What to do; empty when nothing is to be done.
    .EXAMPLE
        New-OrcEnvironmentCheck -Name scheduler.reachable -Status ok -Detail 'Task Scheduler answered'
    .OUTPUTS
        Orchestrator.EnvironmentCheck
    #>
    [CmdletBinding()]
    [OutputType('Orchestrator.EnvironmentCheck')]
    param(
        [Parameter(Mandatory)]
        [string] $Name,

        [Parameter(Mandatory)]
        [ValidateSet('ok', 'warn', 'fail', 'skip')]
        [string] $Status,

        [AllowEmptyString()]
        [string] $Detail = '',

        [AllowEmptyString()]
        [AllowNull()]
        [string] $Fix = ''
    )

    $word = @{ ok = 'Ok'; warn = 'Warn'; fail = 'Fail'; skip = 'Skip' }[$Status.ToLowerInvariant()]
    [pscustomobject]@{
        PSTypeName = 'Orchestrator.EnvironmentCheck'
        Name       = $Name
        Status     = $word
        Detail     = $Detail
        Fix        = [string]$Fix
    }
}
