function New-OrcInitializeResult {
    <#
    .SYNOPSIS
        One step of Initialize-Orchestrator: what it did.
    .PARAMETER Step
        Store, Executor, Notification, TestMail, EventLog or Report.
    .PARAMETER Result
        Changed, Unchanged, Skipped, Passed (a test) or Failed.
    .PARAMETER Detail
        What, in a sentence.
    .EXAMPLE
        New-OrcInitializeResult -Step Store -Result Unchanged -Detail 'C:\ProgramData\Orchestrator exists'
    .OUTPUTS
        Orchestrator.InitializeResult
    #>
    [CmdletBinding()]
    [OutputType('Orchestrator.InitializeResult')]
    param(
        [Parameter(Mandatory)]
        [ValidateSet('Store', 'Executor', 'Notification', 'TestMail', 'EventLog', 'Report')]
        [string] $Step,

        [Parameter(Mandatory)]
        [ValidateSet('Changed', 'Unchanged', 'Skipped', 'Passed', 'Failed')]
        [string] $Result,

        [AllowEmptyString()]
        [string] $Detail = ''
    )

    [pscustomobject]@{
        PSTypeName = 'Orchestrator.InitializeResult'
        Step       = $Step
        Result     = $Result
        Detail     = $Detail
    }
}
