function Register-OrcScheduledTask {
    <#
    .SYNOPSIS
        Windows backend: registers (or updates in place) \Orchestrator\Orc_<name> from orc-exec's XML.
    .DESCRIPTION
        'orc-exec render <name> --exec-path <stable path>' writes the whole task XML (triggers,
        settings, principal, the definition hash in RegistrationInfo); Register-ScheduledTask -Xml
        -Force registers it, replacing an existing registration. A user principal with Password
        logon needs -Credential (its password goes to Task Scheduler, never to the store); a gMSA
        is registered from the XML principal alone (no -User, no -Password), because -User would
        override the XML's LogonType Password and the task would never run.
    .PARAMETER Definition
        The task definition (needs name, may have runAs).
    .PARAMETER ExecPath
        The stable orc-exec path the action runs.
    .PARAMETER StoreHome
        The store orc-exec reads.
    .PARAMETER Credential
        The account and password for a runAs user with Password logon.
    .OUTPUTS
        [pscustomobject] with Name and Changed.
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory)]
        [object] $Definition,

        [Parameter(Mandatory)]
        [string] $ExecPath,

        [Parameter(Mandatory)]
        [string] $StoreHome,

        [System.Management.Automation.PSCredential] $Credential
    )

    $name = [string]$Definition.name
    $render = Invoke-OrcExec -ArgumentList @('render', $name, '--exec-path', $ExecPath) -StoreHome $StoreHome -Raw
    if ($render.ExitCode -ne 0) {
        throw (ConvertTo-OrcErrorRecord -Result $render -TargetObject $name)
    }
    $xml = ($render.Output -join [System.Environment]::NewLine).Trim()

    $register = @{
        Xml      = $xml
        TaskPath = '\Orchestrator\'
        TaskName = "Orc_$name"
        Force    = $true
    }
    $runAs = $null
    if ($Definition -is [System.Collections.IDictionary]) {
        if ($Definition.Contains('runAs')) { $runAs = $Definition['runAs'] }
    }
    elseif ($Definition.PSObject.Properties['runAs']) {
        $runAs = $Definition.runAs
    }
    # runAs may be a dictionary or an object, and logonType is optional (S4U by default): a
    # missing key must read as $null under strict mode.
    $logonType = $null
    if ($runAs -is [System.Collections.IDictionary]) {
        if ($runAs.Contains('logonType')) { $logonType = $runAs['logonType'] }
    }
    elseif ($null -ne $runAs -and $runAs.PSObject.Properties['logonType']) {
        $logonType = $runAs.logonType
    }
    if ($null -ne $runAs -and $runAs.type -eq 'gmsa') {
        # The XML principal alone (UserId DOMAIN\name$, LogonType Password), as ComputerManagementDsc
        # registers a gMSA: -User would override the XML's LogonType, and with no -Password the task
        # would become a password-logon user without a password that never runs. Windows fetches
        # the gMSA's password from Active Directory itself.
        if ($Credential) {
            Write-Warning "Task '$name' runs as the group managed service account '$($runAs.user)': Windows fetches its password, so -Credential is ignored."
        }
    }
    elseif ($Credential) {
        $register['User'] = $Credential.UserName
        $register['Password'] = $Credential.GetNetworkCredential().Password
    }
    elseif ($null -ne $runAs -and $runAs.type -eq 'user' -and $logonType -eq 'password') {
        $record = New-OrcErrorRecord -ErrorId 'Orc.CredentialRequired' -Category InvalidArgument -TargetObject $name `
            -Message "Task '$name' runs as '$($runAs.user)' with Password logon: pass -Credential so Task Scheduler can store the password."
        throw $record
    }
    $null = ScheduledTasks\Register-ScheduledTask @register -ErrorAction Stop
    [pscustomobject]@{ Name = $name; Changed = $true }
}
