function Resolve-OrcSchedulerError {
    <#
    .SYNOPSIS
        Sorts the errors a ScheduledTasks query wrote: "not found" is no error, access denied becomes
        Orc.AccessDenied, anything else Orc.SchedulerQueryFailed.
    .DESCRIPTION
        The ScheduledTasks cmdlets are CIM (CDXML) cmdlets: a query that finds nothing writes an
        ObjectNotFound error, and a session without the rights writes a CimException whose
        NativeErrorCode is AccessDenied, with the HRESULT 0x80070005 in the error ID
        ('HRESULT 0x80070005,Get-ScheduledTask') and the PermissionDenied category. Silencing both
        alike made a non-elevated Get-OrcTask show every task as NotRegistered.
    .PARAMETER ErrorRecord
        The errors from -ErrorVariable.
    .PARAMETER Operation
        What was being done, for the message (for example 'list the tasks in \Orchestrator\').
    .EXAMPLE
        $record = Resolve-OrcSchedulerError -ErrorRecord $queryErrors -Operation 'list the tasks'
        if ($record) { throw $record }
    .OUTPUTS
        System.Management.Automation.ErrorRecord, or nothing when every error means "not found".
    #>
    [CmdletBinding()]
    [OutputType([System.Management.Automation.ErrorRecord])]
    param(
        [AllowNull()]
        [AllowEmptyCollection()]
        [object[]] $ErrorRecord,

        [Parameter(Mandatory)]
        [string] $Operation
    )

    $accessDenied = [int]-2147024891  # 0x80070005, E_ACCESSDENIED
    foreach ($record in $ErrorRecord) {
        if ($record -isnot [System.Management.Automation.ErrorRecord]) { continue }
        $exception = $record.Exception
        $denied = $record.CategoryInfo.Category -eq [System.Management.Automation.ErrorCategory]::PermissionDenied -or
            [string]$record.FullyQualifiedErrorId -match '0x80070005' -or
            $exception -is [System.UnauthorizedAccessException] -or
            ($null -ne $exception -and $exception.HResult -eq $accessDenied) -or
            ($null -ne $exception -and $exception.PSObject.Properties['NativeErrorCode'] -and [string]$exception.NativeErrorCode -eq 'AccessDenied')
        if ($denied) {
            return New-OrcErrorRecord -ErrorId 'Orc.AccessDenied' -Category PermissionDenied -TargetObject '\Orchestrator\' -Exception $exception `
                -Message "Task Scheduler denied access when Orchestrator tried to $Operation ($($exception.Message.Trim())). Its tasks are registered by an administrator: start PowerShell with 'Run as administrator' and run the command again."
        }
        $notFound = $record.CategoryInfo.Category -eq [System.Management.Automation.ErrorCategory]::ObjectNotFound -or
            [string]$record.FullyQualifiedErrorId -like 'CmdletizationQuery_NotFound*' -or
            [string]$record.FullyQualifiedErrorId -match '0x80070002'
        if (-not $notFound) {
            return New-OrcErrorRecord -ErrorId 'Orc.SchedulerQueryFailed' -Category $record.CategoryInfo.Category -TargetObject '\Orchestrator\' -Exception $exception `
                -Message "Task Scheduler failed when Orchestrator tried to $Operation`: $($exception.Message.Trim())"
        }
    }
}
